import CNcursesw
import CaravanUI

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// Whether curses is active, for the exit handler.
nonisolated(unsafe) private var cursesActive = false
nonisolated(unsafe) private var exitHandlerRegistered = false

/// Restores the terminal if the process exits while curses is active.
private func restoreTerminalAtExit() {
    guard cursesActive else { return }
    cursesActive = false
    curs_set(1)
    endwin()
}

/// A full-screen terminal session on standard input and output, driven by
/// ncurses: it starts full-screen mode, draws frames by difference, turns keys,
/// resizes and signals into ``InputEvent``s, and restores the terminal on every
/// way out (``close()``, `deinit`, `exit`, fatal signals).
///
/// ```swift
/// let session = try TerminalSession()
/// var program = MyProgram(capabilities: session.capabilities)
/// let outcome = session.run(program: &program)
/// ```
///
/// Waiting for input takes no CPU: the loop blocks in poll(2) on the terminal
/// and on a pipe that signal handlers write to (and, when a program asks in
/// ``Options``, on one more descriptor, with a timeout for clock ticks).
public final class TerminalSession {
    public struct Options: Sendable {
        /// Report mouse clicks and wheel turns (this takes text selection
        /// away from the terminal, so it is off by default).
        public var mouse: Bool
        /// Milliseconds to wait after Esc for the rest of an escape sequence.
        public var escapeDelay: Int
        /// Whether Ctrl-Z suspends without reaching the program.
        public var suspendsOnControlZ: Bool
        /// Milliseconds between `.tick` events, for a program that shows a clock.
        /// Nil (the default) means no ticks: the loop then sleeps until input
        /// arrives and an idle program uses no CPU at all.
        public var tickInterval: Int?
        /// A descriptor to wait on with the terminal (the read end of a pipe,
        /// say). Whenever it is readable the program gets `.external` and must
        /// read what is there itself; once it reports hang-up or an error it is
        /// reported one last time and no longer watched. The session never
        /// reads, writes or closes it.
        public var extraInput: Int32?

        public init(
            mouse: Bool = false, escapeDelay: Int = 25, suspendsOnControlZ: Bool = true,
            tickInterval: Int? = nil, extraInput: Int32? = nil
        ) {
            self.mouse = mouse
            self.escapeDelay = escapeDelay
            self.suspendsOnControlZ = suspendsOnControlZ
            self.tickInterval = tickInterval.map { max(10, $0) }
            self.extraInput = extraInput
        }
    }

    /// What the terminal can show, for views to choose characters and colours.
    public let capabilities: Capabilities
    /// The terminal's current size in columns and rows.
    public private(set) var width: Int
    public private(set) var height: Int

    private static let relayedSignals: [Int32] = [
        SIGINT, SIGTERM, SIGHUP, SIGQUIT, SIGTSTP, SIGWINCH, SIGCONT,
    ]

    private var options: Options
    private let screen: OpaquePointer
    private let relay: SignalRelay
    private var painter: CellPainter
    private var isOpen = true
    private var pending: [InputEvent] = []
    private var inputClosed = false
    private var endingSignal: Int32?
    private var stalledReads = 0
    /// What the terminal shows now; nil forces a full redraw.
    private var shown: Grid?
    private var shownCursor: Int?
    private var cursorVisible: Bool?
    private var reportedSize: (width: Int, height: Int)
    /// The extra descriptor, until it hangs up.
    private var extraInput: Int32?
    /// When the next `.tick` is due, in monotonic milliseconds.
    private var nextTick: Int?

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

        let noColor = getenv("NO_COLOR").map { $0.pointee != 0 } ?? false
        let colorMode: ColorMode
        var colors = Capabilities.ColorSupport.none
        if !has_colors() {
            colorMode = .monochrome
        } else if noColor {
            colorMode = .attributesOnly
        } else {
            start_color()
            let defaultColors = use_default_colors() == OK
            let count = Int(caravan_colors())
            colorMode =
                count >= 8 ? .color(count: count, defaultColors: defaultColors) : .monochrome
            if count >= 256 {
                colors = .palette256
            } else if count >= 16 {
                colors = .ansi16
            } else if count >= 8 {
                colors = .ansi8
            }
        }
        capabilities = Capabilities(colors: colors, unicode: unicode)
        painter = CellPainter(
            colorMode: colorMode, unicode: unicode,
            backColorErase: caravan_back_color_erase() != 0)

        width = Int(caravan_columns())
        height = Int(caravan_lines())
        reportedSize = (width, height)
        setCursor(visible: false)
    }

    deinit {
        close()
    }

    // MARK: - The loop

    /// Runs a program until it quits or the terminal goes away, then restores
    /// the terminal (the session cannot be used again).
    ///
    /// The first event is a `.resize` with the terminal's size. Each turn
    /// draws `program.view` (skipped while more events are queued),
    /// waits for the next event, passes it to `program.update` and carries out
    /// the effects in order. `.terminate` is delivered to the program and then
    /// ends the loop whatever it returns.
    @discardableResult
    public func run(program: inout some Program) -> RunOutcome {
        defer { close() }
        pending.insert(.resize(width: width, height: height), at: 0)
        var needsDrawing = true
        while isOpen {
            if needsDrawing && pending.isEmpty {
                draw(program.view(width: width, height: height))
                needsDrawing = false
            }
            let event = nextEvent()
            if case .key(.control("z")) = event, options.suspendsOnControlZ {
                suspend()
                needsDrawing = true
                continue
            }
            let effects = program.update(event)
            needsDrawing = true
            if event == .terminate {
                return endingSignal.map { .signal($0) } ?? .inputClosed
            }
            for effect in effects {
                switch effect {
                case .quit:
                    return .quit
                case .suspend:
                    suspend()
                case .bell:
                    bell()
                case .runExternal(let arguments):
                    _ = runExternal(arguments)
                case .ticks(let interval):
                    options.tickInterval = interval.map { max(10, $0) }
                    nextTick = nil
                }
            }
        }
        return .quit
    }

    // MARK: - Drawing

    /// Shows a frame, writing only the cells that differ from what the
    /// terminal shows; an identical frame writes nothing at all. A grid of
    /// another size is clipped or padded to the terminal.
    public func draw(_ frame: Frame) {
        guard isOpen else { return }
        var grid = frame.grid
        if grid.width != width || grid.height != height {
            var fitted = Grid(width: width, height: height)
            fitted.blit(grid, x: 0, y: 0)
            grid = fitted
        }
        var cursor: Int?
        if let position = frame.cursor, position.x >= 0, position.x < width, position.y >= 0,
            position.y < height
        {
            cursor = position.y * width + position.x
        }
        let gridChanged = shown != grid
        guard gridChanged || cursor != shownCursor || shown == nil else { return }

        let window = caravan_stdscr()
        if gridChanged {
            paintDifferences(grid, previous: shown, in: window)
        }
        if let cursor {
            setCursor(visible: true)
            leaveok(window, false)
            wmove(window, Int32(cursor / max(1, width)), Int32(cursor % max(1, width)))
        } else {
            // A hidden cursor can stay wherever the update leaves it.
            setCursor(visible: false)
            leaveok(window, true)
        }
        wnoutrefresh(window)
        doupdate()
        shown = grid
        shownCursor = cursor
    }

    /// Paints each row that has a changed cell, whole; ncurses then compares
    /// it with what the terminal shows and sends only what differs. Whole rows
    /// keep each painted row a function of its own cells (a space's attributes
    /// follow a neighbour's, see ``CellPainter/paintRow(_:in:)``),
    /// so a row that moved up or down matches its old copy and ncurses can
    /// scroll it rather than rewrite it.
    private func paintDifferences(
        _ grid: Grid, previous: Grid?, in window: UnsafeMutablePointer<WINDOW>?
    ) {
        let cells = grid.cells
        let before = previous?.cells
        for y in 0..<grid.height {
            let rowStart = y * grid.width
            let row = rowStart..<rowStart + grid.width
            if let before, before[row] == cells[row] { continue }
            wmove(window, Int32(y), 0)
            painter.paintRow(cells[row], in: window)
        }
    }

    /// Rings the terminal bell.
    public func bell() {
        guard isOpen else { return }
        beep()
    }

    private func setCursor(visible: Bool) {
        guard cursorVisible != visible else { return }
        curs_set(visible ? 1 : 0)
        cursorVisible = visible
    }

    /// Forgets what the terminal shows, so the next frame is drawn in full.
    private func invalidate() {
        shown = nil
        shownCursor = nil
        cursorVisible = nil
        clearok(caravan_curscr(), true)
    }

    // MARK: - Events

    /// Waits for the next event. Blocks without using CPU until a key, a
    /// resize or a signal arrives. After the input has closed, returns
    /// `.terminate` at once.
    public func nextEvent() -> InputEvent {
        while pending.isEmpty {
            guard isOpen, !inputClosed else { return .terminate }
            waitForInput()
        }
        return pending.removeFirst()
    }

    private func waitForInput() {
        var descriptors = [
            pollfd(fd: STDIN_FILENO, events: Int16(POLLIN), revents: 0),
            pollfd(fd: relay.readDescriptor, events: Int16(POLLIN), revents: 0),
        ]
        if let extraInput {
            descriptors.append(pollfd(fd: extraInput, events: Int16(POLLIN), revents: 0))
        }
        let ready = poll(&descriptors, nfds_t(descriptors.count), millisecondsToTick())
        defer { queueTickIfDue() }
        if ready < 0 {
            if errno != EINTR && errno != EAGAIN {
                closeInput()
            }
            return
        }
        if descriptors[1].revents != 0 {
            for number in relay.drain() {
                handle(signal: number)
            }
        }
        let input = Int32(descriptors[0].revents)
        if input & Int32(POLLIN) != 0 {
            readInput()
        }
        if input & Int32(POLLHUP | POLLERR | POLLNVAL) != 0 {
            closeInput()
        }
        if descriptors.count > 2 {
            let extra = Int32(descriptors[2].revents)
            if extra != 0 { pending.append(.external) }
            if extra & Int32(POLLIN) == 0 && extra & Int32(POLLHUP | POLLERR | POLLNVAL) != 0 {
                extraInput = nil
            }
        }
    }

    /// The poll timeout: -1 (wait for ever) without ticks, else the time to the next one.
    private func millisecondsToTick() -> Int32 {
        guard let interval = options.tickInterval else { return -1 }
        let now = TerminalSession.monotonicMilliseconds()
        let due = nextTick ?? now + interval
        nextTick = due
        return Int32(clamping: max(0, due - now))
    }

    private func queueTickIfDue() {
        guard let interval = options.tickInterval, let due = nextTick else { return }
        let now = TerminalSession.monotonicMilliseconds()
        guard now >= due else { return }
        pending.append(.tick)
        // After a long stall, start again from now rather than catching up.
        nextTick = now - due < interval ? due + interval : now + interval
    }

    private static func monotonicMilliseconds() -> Int {
        var time = timespec()
        clock_gettime(CLOCK_MONOTONIC, &time)
        return Int(time.tv_sec) * 1000 + Int(time.tv_nsec) / 1_000_000
    }

    /// Reads every key ncurses can decode now. Input that is readable but
    /// empty is the end of file; input that stays readable without being
    /// consumed is treated as a dead terminal rather than spun on.
    private func readInput() {
        let available = caravan_bytes_available(STDIN_FILENO)
        if available == 0 {
            closeInput()
            return
        }
        let window = caravan_stdscr()
        var value: UInt32 = 0
        var decodedAny = false
        while isOpen {
            errno = 0
            let status = caravan_get_wch(window, &value)
            if status == ERR {
                if errno == EIO { closeInput() }
                break
            }
            decodedAny = true
            let decoded =
                status == KEY_CODE_YES
                ? KeyDecoder.decode(keyCode: Int32(bitPattern: value))
                : KeyDecoder.decode(character: value)
            switch decoded {
            case .event(let event):
                pending.append(event)
            case .resize:
                updateSize()
            case .mouse:
                readMouse()
            case .ignored:
                break
            }
        }
        if decodedAny || caravan_bytes_available(STDIN_FILENO) < available {
            stalledReads = 0
        } else {
            stalledReads += 1
            if stalledReads > 100 { closeInput() }
        }
    }

    private func readMouse() {
        var x: Int32 = 0
        var y: Int32 = 0
        let kind: MouseEvent.Kind
        switch caravan_get_mouse(&x, &y) {
        case 1: kind = .click
        case 2: kind = .wheelUp
        case 3: kind = .wheelDown
        default: return
        }
        pending.append(.mouse(MouseEvent(kind: kind, x: Int(x), y: Int(y))))
    }

    private func closeInput() {
        guard !inputClosed else { return }
        inputClosed = true
        pending.append(.terminate)
    }

    private func handle(signal number: Int32) {
        switch number {
        case SIGINT:
            pending.append(.interrupt)
        case SIGTERM, SIGHUP, SIGQUIT:
            if endingSignal == nil {
                endingSignal = number
                pending.append(.terminate)
            }
        case SIGTSTP:
            suspend()
        case SIGWINCH:
            updateSize()
        case SIGCONT:
            // Resumed after a stop we did not ask for: the shell may have
            // changed the terminal modes and the screen.
            reset_prog_mode()
            invalidate()
            updateSize(alwaysReport: true)
        default:
            break
        }
    }

    /// Asks the terminal for its size, tells ncurses, and queues a `.resize`
    /// event when the size differs from the last one reported.
    private func updateSize(alwaysReport: Bool = false) {
        var rows: Int32 = 0
        var columns: Int32 = 0
        if caravan_window_size(STDOUT_FILENO, &rows, &columns) == 0,
            rows != caravan_lines() || columns != caravan_columns()
        {
            resizeterm(rows, columns)
        }
        width = Int(caravan_columns())
        height = Int(caravan_lines())
        if alwaysReport || width != reportedSize.width || height != reportedSize.height {
            reportedSize = (width, height)
            invalidate()
            pending.append(.resize(width: width, height: height))
        }
    }

    // MARK: - Leaving the screen

    /// Suspends like Ctrl-Z: restores the terminal, stops the job so the shell
    /// takes over, and on `fg` goes back to full-screen mode and queues a
    /// `.resize` event so that everything is drawn again.
    ///
    /// The job is stopped with SIGTSTP (default action) sent to its process
    /// group, as a shell's Ctrl-Z does; in an orphaned process group, where no
    /// shell could resume it, the kernel discards the signal and the program
    /// simply carries on.
    public func suspend() {
        guard isOpen else { return }
        leaveScreen()
        relay.setTemporarily(SIGTSTP, disposition: 0)  // SIG_DFL
        kill(0, SIGTSTP)
        relay.relay([SIGTSTP])
        returnToScreen()
    }

    /// Runs another program on the terminal and waits for it: full-screen
    /// mode is left, `arguments` are started directly with posix_spawnp (no
    /// shell), and the screen is redrawn afterwards. While it runs, Ctrl-C
    /// and Ctrl-\ reach only that program; if it is stopped (Ctrl-Z), this
    /// process stops with it.
    ///
    /// - Returns: the program's exit status, or nil if it could not be started
    ///   (the bell rings) or was killed by a signal.
    @discardableResult
    public func runExternal(_ arguments: [String]) -> Int32? {
        guard isOpen, let command = arguments.first, !command.isEmpty else {
            bell()
            return nil
        }
        leaveScreen()
        for number in [SIGINT, SIGQUIT, SIGTSTP] {
            relay.setTemporarily(number, disposition: 1)  // SIG_IGN
        }
        defer {
            relay.relay([SIGINT, SIGQUIT, SIGTSTP])
            returnToScreen()
        }
        guard let processID = spawn(arguments) else {
            beep()
            return nil
        }
        var status: Int32 = 0
        while true {
            let result = waitpid(processID, &status, WUNTRACED)
            if result == -1 {
                if errno == EINTR { continue }
                return nil
            }
            if status & 0xFF == 0x7F {
                // The program was stopped: stop with it, and let it go on when we do.
                kill(getpid(), SIGSTOP)
                kill(processID, SIGCONT)
                continue
            }
            break
        }
        return status & 0x7F == 0 ? (status >> 8) & 0xFF : nil
    }

    private func spawn(_ arguments: [String]) -> pid_t? {
        var attributes = posix_spawnattr_t()
        posix_spawnattr_init(&attributes)
        defer { posix_spawnattr_destroy(&attributes) }
        var defaults = sigset_t()
        sigemptyset(&defaults)
        for number in TerminalSession.relayedSignals + [SIGPIPE] {
            sigaddset(&defaults, number)
        }
        posix_spawnattr_setsigdefault(&attributes, &defaults)
        var noMask = sigset_t()
        sigemptyset(&noMask)
        posix_spawnattr_setsigmask(&attributes, &noMask)
        posix_spawnattr_setflags(&attributes, Int16(POSIX_SPAWN_SETSIGDEF | POSIX_SPAWN_SETSIGMASK))

        var argv: [UnsafeMutablePointer<CChar>?] = arguments.map { strdup($0) } + [nil]
        defer {
            for pointer in argv { free(pointer) }
        }
        var processID = pid_t()
        let result = posix_spawnp(&processID, arguments[0], nil, &attributes, &argv, environ)
        return result == 0 ? processID : nil
    }

    /// Leaves full-screen mode for a while (suspend, external program).
    private func leaveScreen() {
        curs_set(1)
        cursorVisible = nil
        endwin()
        cursesActive = false
    }

    /// Comes back to full-screen mode and arranges a full redraw.
    private func returnToScreen() {
        cursesActive = true
        // Any SIGCONT received meanwhile was ours; other signals still count.
        for number in relay.drain() where number != SIGCONT && number != SIGTSTP {
            handle(signal: number)
        }
        doupdate()
        invalidate()
        updateSize(alwaysReport: true)
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
