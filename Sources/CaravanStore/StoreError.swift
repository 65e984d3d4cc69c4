import Foundation

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// A state file that could not be read or written, with the system's reason.
public struct StoreError: Error, CustomStringConvertible, Sendable {
    public var path: String
    public var message: String

    public init(path: String, message: String) {
        self.path = path
        self.message = message
    }

    /// An error for a failed system call, reading `errno`.
    init(path: String, action: String, code: Int32 = errno) {
        self.init(path: path, message: "cannot \(action): \(String(cString: strerror(code)))")
    }

    public var description: String { "\(path): \(message)" }
}
