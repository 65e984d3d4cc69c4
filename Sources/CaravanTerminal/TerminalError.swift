/// Why a terminal session could not start.
public enum TerminalError: Error, Equatable, CustomStringConvertible {
    /// Standard input or output is not a terminal (a pipe, a file).
    case notATerminal(stream: String)
    /// TERM is unset, `dumb`, or unknown to terminfo.
    case unsupportedTerminal(term: String)
    /// Another session is already running in this process.
    case alreadyActive
    /// Something else failed while setting up.
    case setupFailed(String)

    public var description: String {
        switch self {
        case .notATerminal(let stream):
            return "\(stream) is not a terminal; the interactive explorer needs one"
        case .unsupportedTerminal(let term):
            if term.isEmpty {
                return "TERM is not set; cannot drive the terminal"
            }
            return "terminal type '\(term)' is not supported (unknown, or cannot move the cursor)"
        case .alreadyActive:
            return "a terminal session is already active"
        case .setupFailed(let reason):
            return "cannot set up the terminal: \(reason)"
        }
    }
}
