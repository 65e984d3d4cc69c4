/// A problem that stops `caravan serve`, told in one line.
public struct ServeError: Error, CustomStringConvertible, Sendable {
    public var message: String
    public var description: String { message }

    public init(_ message: String) {
        self.message = message
    }
}
