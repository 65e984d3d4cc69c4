import CaravanContent
import CaravanStore
import CaravanUI
import Foundation

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// What ``ReaderHost`` answers to a ``ReaderSession``'s requests.
enum ReaderReply: Sendable {
    /// The state is written (file and folder synced); this is what the file holds now,
    /// with what other sessions saved meanwhile.
    case saved(ReaderState)
    /// The state could not be written, for this reason.
    case notSaved(reason: String)
    /// The editor ended well and its file holds this note; the file stays until the
    /// note is on disk.
    case noteEdited(NoteSave, file: String)
    /// The note was not edited, as the message says; the bell rings when nothing ran.
    case noteNotEdited(message: String, bell: Bool)
    /// The content as its files are now, read again after they changed.
    case reloaded(ContentModel)
    /// Followers' answers to the presentation started here (`P`).
    case votes([Vote])
    /// Why the presentation started here is not broadcast, for its footer.
    case broadcastRefused(String)
}

/// Carries out a ``ReaderSession``'s requests: writing the reader's state, and editing a
/// note in the user's editor through a temporary file. The only part of the explorer
/// that writes files or starts programs; a served session has no editor, so it starts
/// none.
struct ReaderHost: ProgramHost {
    /// Where the state is kept; nil keeps nothing.
    let store: StateStore?
    /// The editor command line, split into words; nil uses the built-in editor.
    let editor: [String]?
    /// Reads the content again from its files, for `--watch`; nil when not watching.
    var reload: (() -> ContentModel)? = nil
    /// Broadcasts a presentation started here to notes and followers; nil in a served
    /// session, which never broadcasts.
    var broadcast: ExplorerBroadcast? = nil

    mutating func perform(
        _ request: Effect, for session: ReaderSession,
        runExternal: ([String]) -> ExternalResult
    ) -> [ReaderReply] {
        switch request {
        case .save:
            return save(session).map { [$0] } ?? []
        case .editNote(let id):
            return editor.map { [edit(id, in: session, with: $0, runExternal: runExternal)] } ?? []
        case .reloadContent:
            return reload.map { [.reloaded($0())] } ?? []
        case .broadcast:
            guard let broadcast else { return [] }
            var replies: [ReaderReply] = []
            if let refusal = broadcast.follow(session.presenting.presenter?.status) {
                replies.append(.broadcastRefused(refusal))
            }
            let votes = broadcast.takeVotes()
            if !votes.isEmpty { replies.append(.votes(votes)) }
            return replies
        default:
            return []
        }
    }

    /// Writes the state (atomically: the file and its folder are synced before this
    /// returns) and takes in what another session saved meanwhile. The editor's file of
    /// the note being saved is removed once the note is on disk.
    private func save(_ session: ReaderSession) -> ReaderReply? {
        guard let store else { return nil }
        do {
            let written = try store.save(session.snapshot(now: Date()), base: session.base)
            if let file = session.unsavedNote?.file {
                try? FileManager.default.removeItem(atPath: file)
            }
            return .saved(written)
        } catch {
            return .notSaved(reason: "\(error)")
        }
    }

    /// Writes the note to a temporary file, runs the editor on it and reads it back.
    private func edit(
        _ id: EntityID, in session: ReaderSession, with editor: [String],
        runExternal: ([String]) -> ExternalResult
    ) -> ReaderReply {
        let path =
            FileManager.default.temporaryDirectory.path + "/caravan-note-\(getpid())-\(id.slug).md"
        let original = session.explorer.notes[id] ?? ""
        guard
            FileManager.default.createFile(
                atPath: path, contents: Data(original.utf8), attributes: [.posixPermissions: 0o600])
        else {
            return .noteNotEdited(
                message: "Cannot write a temporary file for the note", bell: false)
        }
        let result = runExternal(editor + [path])
        let text = FileManager.default.contents(atPath: path).map {
            String(decoding: $0, as: UTF8.self)
        }
        let name = editor.first ?? ""
        switch result {
        case .exited(status: 0):
            guard let text else {
                return .noteNotEdited(
                    message: "The note was not saved: its file is gone", bell: false)
            }
            if store == nil { try? FileManager.default.removeItem(atPath: path) }
            return .noteEdited(NoteSave(id: id, text: text), file: path)
        case .notStarted(let reason):
            try? FileManager.default.removeItem(atPath: path)
            return .noteNotEdited(
                message: "Cannot start the editor '\(name)': \(reason)", bell: true)
        case .exited(let status):
            return notChanged(path, text, original, why: "'\(name)' exited with status \(status)")
        case .killed(let signal):
            return notChanged(path, text, original, why: "'\(name)' was ended by signal \(signal)")
        }
    }

    /// An editor that failed leaves the note as it was; what was typed stays in its file.
    private func notChanged(_ path: String, _ text: String?, _ original: String, why: String)
        -> ReaderReply
    {
        guard let text, text != original else {
            try? FileManager.default.removeItem(atPath: path)
            return .noteNotEdited(message: "Note not changed: \(why)", bell: false)
        }
        return .noteNotEdited(
            message: "Note not changed: \(why). Your text is in \(path)", bell: false)
    }
}
