/// A small multi-line editor for a reader's note, used when no external editor is set.
///
/// Arrows, Home and End move; typing inserts; Enter breaks the line; Backspace and Delete
/// remove; Ctrl-S (or Ctrl-X) saves and Esc cancels.
public struct NoteEditor: Sendable, Hashable {
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

    public init(text: String) {
        lines = text.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        if lines.isEmpty { lines = [""] }
        row = lines.count - 1
        column = lines[row].count
    }

    public var text: String { lines.joined(separator: "\n") }

    public mutating func handle(_ key: Key) -> Outcome {
        switch key {
        case .escape: return .cancel
        case .control("s"), .control("x"): return .save(text)
        case .enter:
            let line = Array(lines[row])
            lines[row] = String(line[..<column])
            lines.insert(String(line[column...]), at: row + 1)
            row += 1
            column = 0
        case .backspace:
            if column > 0 {
                var line = Array(lines[row])
                line.remove(at: column - 1)
                lines[row] = String(line)
                column -= 1
            } else if row > 0 {
                column = lines[row - 1].count
                lines[row - 1] += lines[row]
                lines.remove(at: row)
                row -= 1
            }
        case .delete:
            if column < lines[row].count {
                var line = Array(lines[row])
                line.remove(at: column)
                lines[row] = String(line)
            } else if row + 1 < lines.count {
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
        case .character(let character):
            guard text.count < 20_000 else { break }
            insert(String(character))
        default: break
        }
        // An edit can join characters (a combining mark typed after a letter becomes part
        // of it), leaving the line shorter than the columns counted: keep the cursor on it.
        column = min(max(0, column), lines[row].count)
        return .editing
    }

    private mutating func insert(_ text: String) {
        var line = Array(lines[row])
        let before = String(line[..<column]) + text
        line.insert(contentsOf: text, at: column)
        lines[row] = String(line)
        column = before.count
    }
}
