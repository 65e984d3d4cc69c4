/// A problem in a config file, located like a compiler's: `path:line: message`.
public struct ConfigError: Error, CustomStringConvertible, Equatable, Sendable {
    /// The config file.
    public var path: String
    /// The line the problem is on, from 1; nil when it concerns the whole file.
    public var line: Int?
    public var message: String

    public init(path: String, line: Int?, message: String) {
        self.path = path
        self.line = line
        self.message = message
    }

    public var description: String {
        guard let line else { return "\(path): \(message)" }
        return "\(path):\(line): \(message)"
    }
}
