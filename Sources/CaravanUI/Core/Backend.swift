/// What a ``ProgramRunner`` needs from a terminal. `CaravanTerminal`'s `TerminalSession`
/// is the real one, on ncurses; a test backend feeds scripted events and records frames,
/// so the real loop runs without a terminal.
public protocol Backend: AnyObject {
    /// The terminal's size now, in columns and rows.
    var size: (width: Int, height: Int) { get }

    /// Milliseconds on a clock that only moves forward, for ticks.
    var milliseconds: Int { get }

    /// Waits until something happens, or at most `timeout` milliseconds (nil: as long as
    /// it takes), and returns what happened, oldest first; empty when the time ran out
    /// or nothing came of a wake-up. Waiting must take no CPU. Once the input has closed
    /// or a signal asked the program to end, returns `.terminate`.
    func events(waitingAtMost timeout: Int?) -> [InputEvent]

    /// Shows a frame; a grid of another size is clipped or padded to the terminal.
    func draw(_ frame: Frame)

    /// Rings the terminal bell.
    func bell()

    /// Stops the job as Ctrl-Z in a shell does, and returns once it is resumed, with
    /// everything to be drawn again and a `.resize` among the next events.
    func suspend()

    /// Runs another program on the terminal and waits for it; the screen is drawn again
    /// afterwards and a `.resize` is among the next events.
    func runExternal(_ arguments: [String]) -> ExternalResult

    /// The signal that asked the program to end (SIGTERM, SIGHUP), if one did.
    var endingSignal: Int32? { get }

    /// Restores the terminal for good; safe to call more than once.
    func close()
}

/// How ``ProgramRunner/run(_:)`` ended.
public enum RunOutcome: Equatable, Sendable {
    /// The program returned `.quit`.
    case quit
    /// A signal (SIGTERM, SIGHUP, SIGQUIT) ended the loop; conventionally the
    /// process then exits with status 128 + signal.
    case signal(Int32)
    /// The terminal went away: end of input or an I/O error.
    case inputClosed
}
