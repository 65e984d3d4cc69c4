import Foundation

/// An entity's Markdown body and its parsed document, each made once, on first use, by
/// whichever thread asks first. A body read from a precompiled model stays in the archive
/// until then; one found damaged there reads as a notice saying so, never as the
/// damaged bytes (and the archive is not read again, ``ArchiveBytes/reportDamage()``).
final class EntityBody: @unchecked Sendable {
    private let lock = NSLock()
    /// Guarded by `lock`, as are the two below.
    private var source: String?
    private var parsed: MarkdownDocument?
    private var damaged = false
    private let archived: ArchivedSlice?

    /// What a damaged body reads as.
    static let damageNotice =
        "*This page could not be read: its copy in Caravan's cache is damaged. The cache "
        + "has been removed, and the page is read from its file the next time the content "
        + "is opened.*\n"

    init(_ text: String, document: MarkdownDocument? = nil) {
        source = text
        parsed = document
        archived = nil
    }

    init(archived: ArchivedSlice) {
        self.archived = archived
    }

    var text: String {
        lock.lock()
        defer { lock.unlock() }
        return lockedText()
    }

    var document: MarkdownDocument {
        lock.lock()
        defer { lock.unlock() }
        if let parsed { return parsed }
        let document = MarkdownParser.parse(lockedText())
        parsed = document
        return document
    }

    var isDamaged: Bool {
        lock.lock()
        defer { lock.unlock() }
        _ = lockedText()
        return damaged
    }

    private func lockedText() -> String {
        if let source { return source }
        let text: String
        if let read = archived?.text() {
            text = read
        } else {
            damaged = true
            text = Self.damageNotice
        }
        source = text
        return text
    }
}
