/// How serious a problem in the content is.
public enum Severity: String, Sendable, Codable, Comparable {
    case error
    case warning

    public static func < (lhs: Severity, rhs: Severity) -> Bool {
        lhs == .error && rhs == .warning
    }
}

/// A position in a content file. Lines and columns start at 1; columns count characters.
public struct SourceLocation: Hashable, Sendable, Codable, Comparable {
    public var path: String
    public var line: Int
    public var column: Int

    public init(path: String, line: Int = 1, column: Int = 1) {
        self.path = path
        self.line = max(1, line)
        self.column = max(1, column)
    }

    public static func < (lhs: SourceLocation, rhs: SourceLocation) -> Bool {
        (lhs.path, lhs.line, lhs.column) < (rhs.path, rhs.line, rhs.column)
    }
}

/// One problem found while loading content, in the form compilers print.
public struct Diagnostic: Hashable, Sendable, Codable {
    public var location: SourceLocation
    public var severity: Severity
    public var message: String
    /// A fix that is obvious, such as a known id close to a misspelt one.
    public var suggestion: String?

    public init(
        _ severity: Severity, _ message: String, at location: SourceLocation,
        suggestion: String? = nil
    ) {
        self.severity = severity
        self.message = message
        self.location = location
        self.suggestion = suggestion
    }

    /// `path:line:col: error: message (did you mean ...?)`
    public var formatted: String {
        var text =
            "\(location.path):\(location.line):\(location.column): \(severity.rawValue): \(message)"
        if let suggestion {
            text += " (\(suggestion))"
        }
        return text
    }
}

/// Collects diagnostics while content is read; never stops at the first one.
struct DiagnosticLog {
    private(set) var items: [Diagnostic] = []

    mutating func error(_ message: String, at location: SourceLocation, suggestion: String? = nil) {
        items.append(Diagnostic(.error, message, at: location, suggestion: suggestion))
    }

    mutating func warning(_ message: String, at location: SourceLocation, suggestion: String? = nil)
    {
        items.append(Diagnostic(.warning, message, at: location, suggestion: suggestion))
    }
}
