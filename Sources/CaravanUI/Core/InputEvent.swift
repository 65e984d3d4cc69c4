/// Something that happened at the terminal, delivered to ``Program/update(_:)``.
public enum InputEvent: Hashable, Sendable {
    /// A key was pressed.
    case key(Key)
    /// The terminal has this many columns and rows: sent first when the loop
    /// starts, on every resize, and after the program comes back from a
    /// suspension or an external program (the size may have changed unseen).
    case resize(width: Int, height: Int)
    /// A mouse click or wheel turn (only when the backend enables the mouse).
    case mouse(MouseEvent)
    /// Ctrl-C or SIGINT. Return `.quit` unless there is something to cancel.
    case interrupt
    /// SIGTERM, SIGHUP, or the input closed (end of file, I/O error). The
    /// loop ends after this event whatever effects are returned, once the host
    /// has carried out its requests: it is the last chance to save state.
    case terminate
    /// A clock tick, sent only to a program that asked for them
    /// (`.ticks(every:)`, or ``ProgramRunner/Options/ticks``): a presenter's clock, say.
    case tick
    /// Another input the backend watches besides the terminal became readable
    /// (`TerminalSession.Options.extraInput`); the program reads it itself.
    case external
    /// A program started with `.runExternal` has ended (or could not start).
    case externalFinished(ExternalResult)
    /// Files of the content being read changed on disk and have been quiet since (only
    /// when the backend watches them: `caravan --watch`). The program asks its host to
    /// load the content again.
    case contentChanged
}

/// How a program run on the terminal ended.
public enum ExternalResult: Hashable, Sendable {
    /// It ran and exited with this status (0 for success).
    case exited(status: Int32)
    /// A signal ended it.
    case killed(signal: Int32)
    /// It could not be started (no such program, not executable, no command given).
    case notStarted(reason: String)

    /// Whether it ran and exited with status 0.
    public var succeeded: Bool { self == .exited(status: 0) }
}

/// A mouse action at a cell (0-based column and row).
public struct MouseEvent: Hashable, Sendable {
    public enum Kind: Hashable, Sendable {
        case click
        case wheelUp
        case wheelDown
    }

    public var kind: Kind
    public var x: Int
    public var y: Int

    public init(kind: Kind, x: Int, y: Int) {
        self.kind = kind
        self.x = x
        self.y = y
    }
}
