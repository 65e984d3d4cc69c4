/// A small multi-line editor for a reader's note, used when no external editor is set.
///
/// Arrows, Home and End move; typing inserts; Enter breaks the line; Backspace and Delete
/// remove; Ctrl-S (or Ctrl-X) saves and Esc cancels. A note holds at most
/// ``maximumBytes``; typing past that is refused and the editor says so.
public struct NoteEditor: Sendable, Hashable {
    /// The longest note, in UTF-8 bytes. Notes of readers served over SSH are kept
    /// on the server; a paste must not grow them (or the work per key) without end.
    public static let maximumBytes = 16 * 1024

    public enum Outcome: Equatable, Sendable {
        case editing
        case save(String)
        case cancel
    }

    public private(set) var lines: [String]
    public private(set) var row = 0
    public private(set) var column = 0
    /// The first line shown, kept so the cursor stays in view.
    public var scroll = 0
    /// Whether the last key was refused because the note is full.
    public private(set) var isFull = false
    /// The size of ``text`` in UTF-8 bytes, kept as it changes.
    private var byteCount: Int

    public init(text: String) {
        lines = text.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        if lines.isEmpty { lines = [""] }
        row = lines.count - 1
        column = lines[row].count
        byteCount = text.utf8.count
    }

    public var text: String { lines.joined(separator: "\n") }

    public mutating func handle(_ key: Key) -> Outcome {
        isFull = false
        switch key {
        case .escape: return .cancel
        case .control("s"), .control("x"): return .save(text)
        case .enter:
            guard hasRoom(for: 1) else { break }
            byteCount += 1
            let line = Array(lines[row])
            lines[row] = String(line[..<column])
            lines.insert(String(line[column...]), at: row + 1)
            row += 1
            column = 0
        case .backspace:
            if column > 0 {
                var line = Array(lines[row])
                byteCount -= line.remove(at: column - 1).utf8.count
                lines[row] = String(line)
                column -= 1
            } else if row > 0 {
                byteCount -= 1
                column = lines[row - 1].count
                lines[row - 1] += lines[row]
                lines.remove(at: row)
                row -= 1
            }
        case .delete:
            if column < lines[row].count {
                var line = Array(lines[row])
                byteCount -= line.remove(at: column).utf8.count
                lines[row] = String(line)
            } else if row + 1 < lines.count {
                byteCount -= 1
                lines[row] += lines[row + 1]
                lines.remove(at: row + 1)
            }
        case .left:
            if column > 0 {
                column -= 1
            } else if row > 0 {
                row -= 1
                column = lines[row].count
            }
        case .right:
            if column < lines[row].count {
                column += 1
            } else if row + 1 < lines.count {
                row += 1
                column = 0
            }
        case .up:
            if row > 0 {
                row -= 1
                column = min(column, lines[row].count)
            }
        case .down:
            if row + 1 < lines.count {
                row += 1
                column = min(column, lines[row].count)
            }
        case .home, .control("a"): column = 0
        case .end, .control("e"): column = lines[row].count
        case .tab: insert("    ")
        case .character(let character): insert(String(character))
        default: break
        }
        // An edit can join characters (a combining mark typed after a letter becomes part
        // of it), leaving the line shorter than the columns counted: keep the cursor on it.
        column = min(max(0, column), lines[row].count)
        return .editing
    }

    /// Whether `bytes` more fit; notes that the note is full when not.
    private mutating func hasRoom(for bytes: Int) -> Bool {
        guard byteCount + bytes <= Self.maximumBytes else {
            isFull = true
            return false
        }
        return true
    }

    /// Inserts at the cursor without copying the line into characters: a paste
    /// is one key per character, so each must cost little however long the line.
    private mutating func insert(_ text: String) {
        guard hasRoom(for: text.utf8.count) else { return }
        byteCount += text.utf8.count
        let index: String.Index
        let added: Int
        do {
            let line = lines[row]
            index =
                line.index(line.startIndex, offsetBy: column, limitedBy: line.endIndex)
                ?? line.endIndex
            // Only the character before the cursor can join what is typed (a combining mark).
            if index > line.startIndex {
                added = (String(line[line.index(before: index)]) + text).count - 1
            } else {
                added = text.count
            }
        }
        lines[row].insert(contentsOf: text, at: index)
        column += added
    }
}
