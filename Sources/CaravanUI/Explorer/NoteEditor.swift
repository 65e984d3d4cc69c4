/// A small multi-line editor for a reader's note, used when no external editor is set.
///
/// Keys reach it as ``EditorAction``s (arrows, Home and End move; Enter breaks the line;
/// Backspace and Delete remove; Ctrl-S or Ctrl-X saves and Esc cancels); any other
/// character is typed. A note holds at most ``maximumBytes``; typing past that is
/// refused and the editor says so.
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

    /// What a key does, by the editor's keymap: an action, or a character typed.
    public mutating func handle(_ key: Key, keymap: Keymap<EditorAction> = .standard) -> Outcome {
        isFull = false
        switch keymap.input(for: key) {
        case .action(let action): return perform(action)
        case .text(let character):
            insert(String(character))
            keepCursorOnLine()
        case .none: break
        }
        return .editing
    }

    public mutating func perform(_ action: EditorAction) -> Outcome {
        isFull = false
        switch action {
        case .cancel: return .cancel
        case .save: return .save(text)
        case .newLine:
            guard hasRoom(for: 1) else { break }
            byteCount += 1
            let line = Array(lines[row])
            lines[row] = String(line[..<column])
            lines.insert(String(line[column...]), at: row + 1)
            row += 1
            column = 0
        case .deleteBackward:
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
        case .deleteForward:
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
        case .lineStart: column = 0
        case .lineEnd: column = lines[row].count
        case .indent: insert("    ")
        }
        keepCursorOnLine()
        return .editing
    }

    /// An edit can join characters (a combining mark typed after a letter becomes part of
    /// it), leaving the line shorter than the columns counted: keep the cursor on it.
    private mutating func keepCursorOnLine() {
        column = min(max(0, column), lines[row].count)
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

/// What the note editor can be asked to do; any other character key types itself.
public enum EditorAction: String, CaseIterable, Sendable, Hashable, KeyAction {
    case save
    case cancel
    case newLine = "new-line"
    case deleteBackward = "delete-backward"
    case deleteForward = "delete-forward"
    case left
    case right
    case up
    case down
    case lineStart = "line-start"
    case lineEnd = "line-end"
    case indent

    public static var keyTable: String { "keys.editor" }

    public var help: String {
        switch self {
        case .save: "Save the note (an empty note is removed)"
        case .cancel: "Leave the note as it was"
        case .newLine: "Break the line"
        case .deleteBackward: "Delete the character before the cursor"
        case .deleteForward: "Delete the character under the cursor"
        case .left: "Move left"
        case .right: "Move right"
        case .up: "Move up a line"
        case .down: "Move down a line"
        case .lineStart: "Go to the start of the line"
        case .lineEnd: "Go to the end of the line"
        case .indent: "Insert four spaces"
        }
    }

    public var group: String { "In the note editor" }

    public var hint: String? {
        switch self {
        case .save: "saves"
        case .cancel: "cancels"
        case .newLine, .deleteBackward, .deleteForward, .left, .right, .up, .down, .lineStart,
            .lineEnd, .indent:
            nil
        }
    }
}

extension Keymap where A == EditorAction {
    public static let standard = Keymap([
        (.save, ["Ctrl-s", "Ctrl-x"]),
        (.cancel, ["Esc"]),
        (.newLine, ["Enter"]),
        (.deleteBackward, ["Backspace"]),
        (.deleteForward, ["Del"]),
        (.left, ["Left"]),
        (.right, ["Right"]),
        (.up, ["Up"]),
        (.down, ["Down"]),
        (.lineStart, ["Home", "Ctrl-a"]),
        (.lineEnd, ["End", "Ctrl-e"]),
        (.indent, ["Tab"]),
    ])
}
