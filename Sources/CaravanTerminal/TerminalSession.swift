import CNcursesw
import CaravanUI

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// Whether curses is active, for the exit handler.
nonisolated(unsafe) var cursesActive = false
nonisolated(unsafe) private var exitHandlerRegistered = false

/// Restores the terminal if the process exits while curses is active.
private func restoreTerminalAtExit() {
    guard cursesActive else { return }
    cursesActive = false
    curs_set(1)
    endwin()
}

/// A full-screen terminal session on standard input and output, driven by ncurses: the
/// ``Backend`` a ``ProgramRunner`` runs programs on. It starts full-screen mode, draws
/// frames by difference, turns keys, resizes and signals into ``InputEvent``s, and
/// restores the terminal on every way out (``close()``, `deinit`, `exit`, fatal signals).
///
/// ```swift
/// let session = try TerminalSession()
/// var program = MyProgram(capabilities: session.capabilities)
/// let outcome = ProgramRunner(backend: session).run(&program)
/// ```
///
/// Waiting for input takes no CPU: it blocks in poll(2) on the terminal and on a pipe
/// that signal handlers write to (and, when a program asks in ``Options``, on one more
/// descriptor, and on the content folders when ``watch(_:quietMilliseconds:)`` was called).
/// Its parts: setting up and restoring (here), waiting for input and
/// signals (`TerminalSession+Input`), drawing (`+Drawing`), and leaving the screen for
/// a suspension or another program (`+Programs`).
public final class TerminalSession: Backend {
    public struct Options: Sendable {
        /// Report mouse clicks and wheel turns (this takes text selection
        /// away from the terminal, so it is off by default).
        public var mouse: Bool
        /// Milliseconds to wait after Esc for the rest of an escape sequence.
        public var escapeDelay: Int
        /// A descriptor to wait on with the terminal (the read end of a pipe,
        /// say). Whenever it is readable the program gets `.external` and must
        /// read what is there itself; once it reports hang-up or an error it is
        /// reported one last time and no longer watched. The session never
        /// reads, writes or closes it.
        public var extraInput: Int32?

        public init(mouse: Bool = false, escapeDelay: Int = 25, extraInput: Int32? = nil) {
            self.mouse = mouse
            self.escapeDelay = escapeDelay
            self.extraInput = extraInput
        }
    }

    /// What the terminal can show, for views to choose characters and colours.
    public let capabilities: Capabilities
    /// The terminal's current size in columns and rows.
    public internal(set) var size: (width: Int, height: Int)

    static let relayedSignals: [Int32] = [
        SIGINT, SIGTERM, SIGHUP, SIGQUIT, SIGTSTP, SIGWINCH, SIGCONT,
    ]

    let options: Options
    private let screen: OpaquePointer
    let relay: SignalRelay
    var painter: CellPainter
    var isOpen = true
    /// Events read but not yet handed out.
    var pending: [InputEvent] = []
    var inputClosed = false
    public internal(set) var endingSignal: Int32?
    var stalledReads = 0
    /// What the terminal shows now; nil forces a full redraw.
    var shown: Grid?
    var shownCursor: Int?
    var cursorVisible: Bool?
    var reportedSize: (width: Int, height: Int)
    /// The extra descriptor, until it hangs up.
    var extraInput: Int32?
    /// Content folders watched for changes (``watch(_:quietMilliseconds:)``).
    var watcher: FolderWatcher?
    /// How long the files must stay quiet before a change is reported.
    var quietMilliseconds = 150
    /// When the last change seen is reported, unless another comes first.
    var changeDue: Int?

    /// Enters full-screen mode on the controlling terminal.
    ///
    /// - Throws: ``TerminalError`` when standard input or output is not a
    ///   terminal, TERM is unusable, or another session is active.
    public init(options: Options = Options()) throws {
        guard isatty(STDIN_FILENO) == 1 else {
            throw TerminalError.notATerminal(stream: "standard input")
        }
        guard isatty(STDOUT_FILENO) == 1 else {
            throw TerminalError.notATerminal(stream: "standard output")
        }
        let term = getenv("TERM").map { String(cString: $0) } ?? ""
        guard !term.isEmpty, term != "dumb" else {
            throw TerminalError.unsupportedTerminal(term: term)
        }
        guard !cursesActive else { throw TerminalError.alreadyActive }

        self.options = options
        extraInput = options.extraInput
        setlocale(LC_ALL, "")
        let unicode = caravan_codeset_is_utf8() != 0
        _ = CrashRestore.saveModes()

        // Our handlers go in before curses starts, so that ncurses leaves
        // SIGINT, SIGTERM, SIGTSTP and SIGWINCH to us.
        relay = try SignalRelay()
        relay.relay(TerminalSession.relayedSignals)

        use_tioctl(true)
        guard let screen = caravan_newterm(nil) else {
            relay.restore()
            throw TerminalError.unsupportedTerminal(term: term)
        }
        self.screen = screen
        cursesActive = true
        caravan_drop_charset_resets()
        _ = caravan_shorten_attribute_changes()
        if !exitHandlerRegistered {
            exitHandlerRegistered = true
            atexit(restoreTerminalAtExit)
        }
        CrashRestore.arm()

        let window = caravan_stdscr()
        raw()
        noecho()
        nonl()
        keypad(window, true)
        nodelay(window, true)
        intrflush(window, false)
        scrollok(window, false)
        leaveok(window, false)
        _ = caravan_set_escdelay(Int32(clamping: options.escapeDelay))
        for (sequence, code) in KeyDecoder.extraSequences where key_defined(sequence) == 0 {
            define_key(sequence, code)
        }
        if options.mouse {
            mousemask(caravan_mouse_mask(), nil)
            mouseinterval(0)
        }

        let (colorMode, colors) = TerminalSession.colorSupport()
        capabilities = Capabilities(colors: colors, unicode: unicode)
        painter = CellPainter(
            colorMode: colorMode, unicode: unicode,
            backColorErase: caravan_back_color_erase() != 0)

        size = (Int(caravan_columns()), Int(caravan_lines()))
        reportedSize = size
        setCursor(visible: false)
    }

    /// How colours are painted and what views may use: none without colours, attributes
    /// only under NO_COLOR, otherwise as many colours as the terminal has.
    private static func colorSupport() -> (ColorMode, Capabilities.ColorSupport) {
        let noColor = getenv("NO_COLOR").map { $0.pointee != 0 } ?? false
        if !has_colors() { return (.monochrome, .none) }
        if noColor { return (.attributesOnly, .none) }
        start_color()
        let defaultColors = use_default_colors() == OK
        let count = Int(caravan_colors())
        let mode: ColorMode =
            count >= 8 ? .color(count: count, defaultColors: defaultColors) : .monochrome
        if count >= 256 { return (mode, .palette256) }
        if count >= 16 { return (mode, .ansi16) }
        if count >= 8 { return (mode, .ansi8) }
        return (mode, .none)
    }

    deinit {
        close()
    }

    /// Waits on the watcher's descriptor with the terminal and reports
    /// `.contentChanged` once the files have been quiet for `quietMilliseconds`: an editor
    /// that saves in several steps (a backup, a rename, a write) brings one event.
    public func watch(_ watcher: FolderWatcher, quietMilliseconds: Int = 150) {
        self.watcher = watcher
        self.quietMilliseconds = max(0, quietMilliseconds)
    }

    /// Milliseconds on the monotonic clock.
    public var milliseconds: Int {
        var time = timespec()
        clock_gettime(CLOCK_MONOTONIC, &time)
        return Int(time.tv_sec) * 1000 + Int(time.tv_nsec) / 1_000_000
    }

    /// Restores the terminal: attributes reset, cursor visible, full-screen
    /// mode left, signal actions put back. Safe to call more than once.
    public func close() {
        guard isOpen else { return }
        isOpen = false
        if options.mouse {
            mousemask(0, nil)
        }
        if cursesActive {
            wattrset(caravan_stdscr(), 0)
            curs_set(1)
            endwin()
            cursesActive = false
        }
        delscreen(screen)
        CrashRestore.disarm()
        relay.restore()
        fflush(nil)
    }
}
