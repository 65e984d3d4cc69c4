import CaravanTestSupport
import XCTest

@testable import CaravanUI

/// A program for the runner's tests: it answers keys with the effects given for them,
/// and records every event and reply it gets, in order.
struct ScriptedProgram: Program {
    typealias Reply = String

    /// What each key returns; other keys return nothing.
    var effects: [Key: [Effect]] = [:]
    /// What `.terminate` returns.
    var onTerminate: [Effect] = []
    /// What each reply returns.
    var onReply: [String: [Effect]] = [:]
    private(set) var received: [Received] = []
    private(set) var size = (width: 0, height: 0)

    enum Received: Hashable {
        case event(InputEvent)
        case reply(String)
    }

    var events: [InputEvent] {
        received.compactMap {
            if case .event(let event) = $0 { return event }
            return nil
        }
    }

    var ticks: Int { events.filter { $0 == .tick }.count }

    mutating func update(_ event: InputEvent) -> [Effect] {
        received.append(.event(event))
        switch event {
        case .resize(let width, let height):
            size = (width, height)
        case .key(let key):
            return effects[key] ?? []
        case .terminate:
            return onTerminate
        default:
            break
        }
        return []
    }

    mutating func update(reply: String) -> [Effect] {
        received.append(.reply(reply))
        return onReply[reply] ?? []
    }

    func view() -> Frame {
        var grid = Grid(width: size.width, height: size.height)
        grid.write("events \(received.count)", x: 0, y: 0, style: Style())
        return Frame(grid: grid)
    }
}

/// A host that answers each request with the replies given for it, and records them.
struct ScriptedHost: ProgramHost {
    var replies: [Effect: [String]] = [:]
    /// Arguments to run on the terminal when a request comes, before replying.
    var runs: [Effect: [String]] = [:]
    private(set) var performed: [Effect] = []
    private(set) var results: [ExternalResult] = []

    mutating func perform(
        _ request: Effect, for program: ScriptedProgram,
        runExternal: ([String]) -> ExternalResult
    ) -> [String] {
        performed.append(request)
        if let arguments = runs[request] { results.append(runExternal(arguments)) }
        return replies[request] ?? []
    }
}

extension Key {
    /// A key by name, for the tables above.
    static func named(_ name: String) -> Key {
        Key(name: name) ?? .escape
    }
}
