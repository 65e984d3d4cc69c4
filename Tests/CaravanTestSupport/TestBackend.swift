import CaravanUI

/// A ``Backend`` without a terminal, for running the real ``ProgramRunner`` loop in tests:
/// it hands out scripted events, keeps a clock that moves only when the script waits,
/// and records every frame and every call the runner makes.
public final class TestBackend: Backend {
    /// What happens next at the "terminal", in order.
    public enum Step: Sendable {
        /// Events that arrive together (keys typed ahead, say).
        case events([InputEvent])
        /// The terminal takes a new size.
        case resize(width: Int, height: Int)
        /// Nothing happens for this many milliseconds.
        case wait(milliseconds: Int)
        /// A signal asks the program to end (SIGTERM, SIGHUP).
        case signal(Int32)
        /// Something changes outside the program (a file appears, say).
        case outside(@Sendable () -> Void)
    }

    /// What the runner asked of the backend.
    public enum Call: Hashable, Sendable {
        /// A wait for events, with its limit in milliseconds (nil: for ever).
        case wait(timeout: Int?)
        case draw
        case bell
        case suspend
        case runExternal([String])
        case close
    }

    public private(set) var size: (width: Int, height: Int)
    public private(set) var milliseconds = 0
    public private(set) var endingSignal: Int32?
    public private(set) var frames: [Frame] = []
    public private(set) var calls: [Call] = []
    /// How a program run with ``runExternal(_:)`` ends; it may act as the program would
    /// (write to the file an editor was given, say).
    public var external: ([String]) -> ExternalResult = { _ in .exited(status: 0) }
    private var script: [Step]
    /// Events the backend makes itself (a `.resize` after a suspension or a program).
    private var queued: [InputEvent] = []

    public init(width: Int = 80, height: Int = 24, script: [Step] = []) {
        size = (width, height)
        self.script = script
    }

    /// Keys by name, separated by spaces, each arriving on its own.
    public static func keys(_ names: String) -> [Step] {
        names.split(separator: " ").compactMap { Key(name: String($0)) }.map { .events([.key($0)]) }
    }

    /// Text typed: each character a key, arriving together.
    public static func text(_ text: String) -> [Step] {
        [.events(text.map { .key(.character($0)) })]
    }

    /// The text of the last frame drawn, row by row.
    public var screen: String {
        frames.last.map { $0.grid.textLines().joined(separator: "\n") } ?? ""
    }

    /// The last row of the last frame: the status bar, in the explorer.
    public var statusLine: String {
        frames.last?.grid.textLines().last ?? ""
    }

    /// Whether the backend was closed (the terminal restored).
    public var isClosed: Bool { calls.contains(.close) }

    public func events(waitingAtMost timeout: Int?) -> [InputEvent] {
        calls.append(.wait(timeout: timeout))
        if !queued.isEmpty {
            defer { queued = [] }
            return queued
        }
        guard endingSignal == nil, let step = script.first else { return [.terminate] }
        switch step {
        case .events(let events):
            script.removeFirst()
            return events
        case .resize(let width, let height):
            script.removeFirst()
            size = (width, height)
            return [.resize(width: width, height: height)]
        case .signal(let number):
            script.removeFirst()
            endingSignal = number
            return [.terminate]
        case .outside(let change):
            script.removeFirst()
            change()
            return []
        case .wait(let duration):
            if let timeout, timeout < duration {
                milliseconds += timeout
                script[0] = .wait(milliseconds: duration - timeout)
            } else {
                milliseconds += duration
                script.removeFirst()
            }
            return []
        }
    }

    public func draw(_ frame: Frame) {
        calls.append(.draw)
        frames.append(frame)
    }

    public func bell() {
        calls.append(.bell)
    }

    public func suspend() {
        calls.append(.suspend)
        queued.append(.resize(width: size.width, height: size.height))
    }

    public func runExternal(_ arguments: [String]) -> ExternalResult {
        calls.append(.runExternal(arguments))
        queued.append(.resize(width: size.width, height: size.height))
        return external(arguments)
    }

    public func close() {
        calls.append(.close)
    }
}
