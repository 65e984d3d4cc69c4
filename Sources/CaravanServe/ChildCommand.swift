import Foundation

/// The command line each SSH session runs, after the executable's own path.
///
/// This is the one place that decides what a new session shows: the explorer,
/// or, while a `caravan present` session of the serving user is live, a
/// follower of it.
public enum ChildCommand {
    /// The arguments for a new session's `caravan`.
    ///
    /// - Parameters:
    ///   - contentFolder: the `--content` folder given to `caravan serve`, if any.
    ///   - environment: the server's environment, to find the presenter's socket.
    ///   - fileExists: tells whether a path exists (injected for tests).
    public static func arguments(
        contentFolder: String?, environment: [String: String],
        fileExists: (String) -> Bool = { FileManager.default.fileExists(atPath: $0) }
    ) -> [String] {
        let content = contentFolder.map { ["--content", $0] } ?? []
        if fileExists(presentSocketPath(environment: environment)) {
            return ["follow", "--auto"] + content
        }
        return ["explore"] + content
    }

    /// Where a live `caravan present` session keeps its socket:
    /// `$XDG_RUNTIME_DIR/caravan/present.sock`, or `/tmp/caravan-$UID/present.sock`
    /// when `XDG_RUNTIME_DIR` is not set.
    public static func presentSocketPath(environment: [String: String]) -> String {
        if let runtime = environment["XDG_RUNTIME_DIR"], !runtime.isEmpty {
            return (runtime as NSString).appendingPathComponent("caravan/present.sock")
        }
        return "/tmp/caravan-\(getuid())/present.sock"
    }
}
