/// The content's diagnostics by file, and the entity each file gave: what a reader needs
/// to open valid content while marking the broken entities and saying where the errors are.
/// Built from the diagnostics alone, so a reloaded model brings its own.
public struct ContentProblems: Sendable {
    /// Every diagnostic, in the order of the model's (by file, line and column).
    public let all: [Diagnostic]
    private let byPath: [String: [Diagnostic]]
    private let pathsWithErrors: Set<String>

    init(_ diagnostics: [Diagnostic]) {
        all = diagnostics
        byPath = Dictionary(grouping: diagnostics, by: \.location.path)
        pathsWithErrors = Set(diagnostics.filter { $0.severity == .error }.map(\.location.path))
    }

    /// The diagnostics of one file, in order.
    public func diagnostics(inFile path: String) -> [Diagnostic] { byPath[path] ?? [] }

    /// Whether a file has at least one error.
    public func hasErrors(inFile path: String) -> Bool { pathsWithErrors.contains(path) }

    public var errorCount: Int { all.filter { $0.severity == .error }.count }

    /// How many files have errors.
    public var filesWithErrors: Int { pathsWithErrors.count }

    /// "3 errors in 2 files", or nil when there are none.
    public var errorSummary: String? {
        let errors = errorCount
        guard errors > 0 else { return nil }
        let files = filesWithErrors
        return "\(errors) error\(errors == 1 ? "" : "s") in \(files) file\(files == 1 ? "" : "s")"
    }
}

extension ContentModel {
    /// Whether the entity's file has errors: it is shown, but marked, with its problems.
    public func isBroken(_ id: EntityID) -> Bool {
        guard let entity = entity(id) else { return false }
        return problems.hasErrors(inFile: entity.location.path)
    }

    /// The diagnostics of the entity's file.
    public func diagnostics(for id: EntityID) -> [Diagnostic] {
        guard let entity = entity(id) else { return [] }
        return problems.diagnostics(inFile: entity.location.path)
    }

    /// The entity a file gave, if it gave one.
    public func entity(inFile path: String) -> Entity? {
        entitiesByPath[path].map { entities[$0] }
    }
}
