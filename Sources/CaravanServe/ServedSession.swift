import CPty
import Foundation

/// What a session served over SSH may do: run the explorer, and nothing else.
///
/// The server starts each session's `caravan` with `--served` on its command line,
/// which a client cannot add to (it sends no command line at all). The session then
/// calls ``forbidNewPrograms()`` before anything else, so that whatever a student
/// presses, the kernel refuses to start another program from it.
public enum ServedSession {
    /// Forbids this process, for good and in every thread, to start another
    /// program or another process: only new threads of its own are allowed.
    public static func forbidNewPrograms() throws(ServeError) {
        let result = cpty_forbid_new_programs()
        guard result == 0 else {
            throw ServeError(
                "this system cannot keep the session from starting programs: "
                    + String(cString: strerror(result)))
        }
    }

    /// The folder name of a key's own state: the SHA-256 fingerprint without
    /// `SHA256:`, with `/` as `_` and `+` as `-`, so it is one safe file name.
    public static func folderName(fingerprint: String) -> String {
        let digest =
            fingerprint.hasPrefix("SHA256:") ? fingerprint.dropFirst(7) : Substring(fingerprint)
        return String(
            digest.map { character -> Character in
                switch character {
                case "/": "_"
                case "+": "-"
                case _ where character.isASCII && (character.isLetter || character.isNumber):
                    character
                default: "_"
                }
            })
    }
}
