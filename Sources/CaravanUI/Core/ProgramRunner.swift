/// Runs a ``Program`` on a ``Backend``: the loop of events, effects, ticks, suspension
/// and external programs, apart from how a terminal is driven.
///
/// ```swift
/// let terminal = try TerminalSession()
/// var program = MyProgram(width: terminal.size.width, height: terminal.size.height)
/// let outcome = ProgramRunner(backend: terminal).run(&program)
/// ```
///
/// Each turn draws `program.view` (skipped while more events are queued), waits for
/// the next event, passes it to `program.update` and carries out the effects in order:
/// the runner's own (quit, suspend, bell, external programs, ticks) itself, and the
/// host's requests (``Effect/isHostRequest``) through the ``ProgramHost``, whose replies
/// go back to `program.update(reply:)` before any other event. `.terminate` is delivered,
/// the host's requests it returns are carried out (so state is saved), and the loop ends.
public final class ProgramRunner {
    public struct Options: Sendable {
        /// Milliseconds between `.tick` events from the start, for a program that shows
        /// a clock; nil (the default) sends none until the program asks with `.ticks`.
        public var ticks: Int?
        /// Whether Ctrl-Z suspends without reaching the program.
        public var suspendsOnControlZ: Bool
        /// Called once, as soon as the first frame is drawn: work the first screen should
        /// not wait for starts here.
        public var afterFirstFrame: (@Sendable () -> Void)?

        public init(
            ticks: Int? = nil, suspendsOnControlZ: Bool = true,
            afterFirstFrame: (@Sendable () -> Void)? = nil
        ) {
            self.ticks = ticks
            self.suspendsOnControlZ = suspendsOnControlZ
            self.afterFirstFrame = afterFirstFrame
        }
    }

    public let backend: any Backend
    private let options: Options
    private var clock: TickClock

    public init(backend: any Backend, options: Options = Options()) {
        self.backend = backend
        self.options = options
        clock = TickClock(interval: options.ticks)
    }

    /// Runs a program that makes no requests of a host, until it quits or the terminal
    /// goes away; the backend is closed at the end.
    @discardableResult
    public func run<P: Program>(_ program: inout P) -> RunOutcome {
        var host = NoHost<P>()
        return run(&program, host: &host)
    }

    /// Runs a program with the host that carries out its requests, until it quits or the
    /// terminal goes away; the backend is closed at the end.
    @discardableResult
    public func run<H: ProgramHost>(_ program: inout H.Hosted, host: inout H) -> RunOutcome {
        defer { backend.close() }
        let size = backend.size
        var queue: [Incoming<H.Hosted.Reply>] = [
            .event(.resize(width: size.width, height: size.height))
        ]
        var needsDrawing = true
        var afterFirstFrame = options.afterFirstFrame
        while true {
            guard !queue.isEmpty else {
                if needsDrawing {
                    backend.draw(program.view())
                    needsDrawing = false
                    afterFirstFrame?()
                    afterFirstFrame = nil
                }
                let timeout = clock.millisecondsToTick(now: backend.milliseconds)
                queue += backend.events(waitingAtMost: timeout).map { .event($0) }
                if clock.tickIsDue(now: backend.milliseconds) { queue.append(.event(.tick)) }
                continue
            }
            let effects: [Effect]
            switch queue.removeFirst() {
            case .event(.key(.control("z"))) where options.suspendsOnControlZ:
                backend.suspend()
                needsDrawing = true
                continue
            case .event(.terminate):
                finish(program.update(.terminate), program: &program, host: &host)
                return backend.endingSignal.map { .signal($0) } ?? .inputClosed
            case .event(let event):
                effects = program.update(event)
            case .reply(let reply):
                effects = program.update(reply: reply)
            }
            needsDrawing = true
            // What the effects bring back goes first, in order, before events already queued.
            var next = 0
            for effect in effects {
                let results = carryOut(effect, program: program, host: &host)
                guard let results else { return .quit }
                queue.insert(contentsOf: results, at: next)
                next += results.count
            }
        }
    }

    /// Carries out one effect; returns what comes back for the program, or nil to quit.
    private func carryOut<H: ProgramHost>(
        _ effect: Effect, program: H.Hosted, host: inout H
    ) -> [Incoming<H.Hosted.Reply>]? {
        switch effect {
        case .quit:
            return nil
        case .suspend:
            backend.suspend()
        case .bell:
            backend.bell()
        case .runExternal(let arguments):
            return [.event(.externalFinished(backend.runExternal(arguments)))]
        case .ticks(let interval):
            clock = TickClock(interval: interval)
        case .editNote, .present, .save, .reloadContent, .broadcast:
            return host.perform(effect, for: program, runExternal: backend.runExternal)
                .map { .reply($0) }
        }
        return []
    }

    /// After `.terminate`: only the host's requests are carried out (saving, say), with
    /// those their replies make in turn, a few rounds at most; nothing else can happen now.
    private func finish<H: ProgramHost>(
        _ effects: [Effect], program: inout H.Hosted, host: inout H
    ) {
        var requests = effects.filter(\.isHostRequest)
        for _ in 0..<4 where !requests.isEmpty {
            var replies: [H.Hosted.Reply] = []
            for request in requests {
                replies += host.perform(request, for: program, runExternal: Self.refuse)
            }
            requests = replies.flatMap { program.update(reply: $0) }.filter(\.isHostRequest)
        }
    }

    /// No program starts once the loop is ending.
    private static func refuse(_ arguments: [String]) -> ExternalResult {
        .notStarted(reason: "the program is ending")
    }
}

/// An event or a host's reply, waiting for the program.
private enum Incoming<Reply> {
    case event(InputEvent)
    case reply(Reply)
}

/// When `.tick` events are due: every `interval` milliseconds from the first wait, starting
/// again from now after a stall rather than catching up.
struct TickClock {
    let interval: Int?
    private var due: Int?

    init(interval: Int?) {
        self.interval = interval.map { max(10, $0) }
    }

    /// How long a wait may last: nil (for ever) without ticks, else the time to the next one.
    mutating func millisecondsToTick(now: Int) -> Int? {
        guard let interval else { return nil }
        let next = due ?? now + interval
        due = next
        return max(0, next - now)
    }

    /// Whether a tick is due now; if so, the next one is scheduled.
    mutating func tickIsDue(now: Int) -> Bool {
        guard let interval, let next = due, now >= next else { return false }
        due = now - next < interval ? next + interval : now + interval
        return true
    }
}
