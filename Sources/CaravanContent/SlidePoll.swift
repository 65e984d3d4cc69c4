/// A question put to the room on a slide, with two to nine options that followers answer
/// with the number keys.
///
/// Written in a slide's text as a `Poll:` line followed at once by a list:
///
/// ```markdown
/// Poll: Which lever does the paper put first?
/// - Cultural brand
/// - Cultural trade
/// ```
public struct Poll: Hashable, Sendable {
    /// The question, as plain text.
    public var question: String
    /// The options in order; followers answer 1 for the first.
    public var options: [String]
    /// The line of the `Poll:` line in its file.
    public var line: Int

    public static let fewestOptions = 2
    public static let mostOptions = 9

    public init(question: String, options: [String], line: Int) {
        self.question = question
        self.options = options
        self.line = line
    }

    /// The poll as the slide shows it: the question in bold, the options numbered.
    public var markdown: String {
        var text = "**Poll: " + PollReader.escaped(question) + "**\n\n"
        for (index, option) in options.enumerated() {
            text += "\(index + 1). " + PollReader.escaped(option) + "\n"
        }
        return text
    }
}

/// Finds a slide's poll in its lines, and says what is wrong with it.
enum PollReader {
    /// A line of the slide with its number in the file.
    typealias Line = (line: Int, text: Substring)

    struct Found {
        var poll: Poll?
        /// The slide's lines with the poll's replaced by its Markdown.
        var lines: [Line]
        var diagnostics: [Diagnostic]
    }

    /// Takes the first `Poll:` line outside code and the list after it; a second poll on
    /// the slide is an error and stays as text.
    static func read(_ lines: [Line], path: String, isCode: (Int) -> Bool) -> Found {
        var found = Found(poll: nil, lines: [], diagnostics: [])
        var index = 0
        var seenPoll = false
        while index < lines.count {
            let entry = lines[index]
            guard !isCode(index), let value = directive(in: entry.text) else {
                found.lines.append(entry)
                index += 1
                continue
            }
            let at = { (line: Int, column: Int) in
                SourceLocation(path: path, line: line, column: column)
            }
            if seenPoll {
                found.diagnostics.append(
                    Diagnostic(
                        .error, "a slide has one poll; put this one on a slide of its own",
                        at: at(entry.line, 1)))
                found.lines.append(entry)
                index += 1
                continue
            }
            seenPoll = true
            var options: [String] = []
            var end = index + 1
            while end < lines.count, !isCode(end), let item = listItem(lines[end].text) {
                let place = lines[end]
                if item.text.isEmpty {
                    found.diagnostics.append(
                        Diagnostic(
                            .error, "poll option \(options.count + 1) is empty",
                            at: at(place.line, item.column)))
                } else if options.contains(item.text) {
                    found.diagnostics.append(
                        Diagnostic(
                            .error, "poll option “\(item.text)” is given twice",
                            at: at(place.line, item.column)))
                } else if options.count == Poll.mostOptions {
                    found.diagnostics.append(
                        Diagnostic(
                            .error,
                            "a poll has at most \(Poll.mostOptions) options (one per number key); "
                                + "this is option \(options.count + 1)",
                            at: at(place.line, item.column)))
                }
                options.append(item.text)
                end += 1
            }
            let question = value.text
            if question.isEmpty {
                found.diagnostics.append(
                    Diagnostic(
                        .error, "`Poll:` needs a question after the colon",
                        at: at(entry.line, value.column)))
            }
            if options.count < Poll.fewestOptions {
                found.diagnostics.append(
                    Diagnostic(
                        .error,
                        "a poll needs at least \(Poll.fewestOptions) options, as a list right "
                            + "under the `Poll:` line; this one has \(options.count)",
                        at: at(entry.line, 1)))
            }
            let poll = Poll(
                question: question,
                options: options.filter { !$0.isEmpty }.prefix(Poll.mostOptions).map { $0 },
                line: entry.line)
            // A poll that cannot be answered is shown as written but not put to the room.
            if !question.isEmpty, poll.options.count >= Poll.fewestOptions { found.poll = poll }
            let shown = poll.markdown.split(separator: "\n", omittingEmptySubsequences: false)
            found.lines += shown.map { (entry.line, $0) }
            index = end
        }
        return found
    }

    /// The text after `Poll:` (any case) and its column, or nil when the line is not one.
    static func directive(in line: Substring) -> (text: String, column: Int)? {
        guard line.count >= 5, line.prefix(5).lowercased() == "poll:" else { return nil }
        let afterColon = line.dropFirst(5)
        let value = afterColon.drop { $0 == " " || $0 == "\t" }
        let text = MarkdownParser.parse(String(value)).plainText
            .trimmingCharacters(in: .whitespacesAndNewlines)
        return (text, 6 + (afterColon.count - value.count))
    }

    /// A list item (`- `, `* `, `+ `, `1. ` or `1) `): its text, as plain text, and the
    /// column where the text starts (just after the marker when it is empty).
    static func listItem(_ line: Substring) -> (text: String, column: Int)? {
        let indent = line.prefix { $0 == " " }.count
        guard indent <= 3 else { return nil }
        let rest = line.dropFirst(indent)
        var marker = 0
        if let first = rest.first, "-*+".contains(first) {
            marker = 1
        } else {
            let digits = rest.prefix { $0.isASCII && $0.isNumber }.count
            guard (1...2).contains(digits), let after = rest.dropFirst(digits).first,
                after == "." || after == ")"
            else { return nil }
            marker = digits + 1
        }
        let afterMarker = rest.dropFirst(marker)
        guard afterMarker.isEmpty || afterMarker.first == " " || afterMarker.first == "\t" else {
            return nil
        }
        let value = afterMarker.drop { $0 == " " || $0 == "\t" }
        let text = MarkdownParser.parse(String(value)).plainText
            .trimmingCharacters(in: .whitespacesAndNewlines)
        let column = indent + marker + 1 + (afterMarker.count - value.count)
        return (text, value.isEmpty ? indent + marker + 1 : column)
    }

    /// Plain text made safe to put back into Markdown: its punctuation escaped.
    static func escaped(_ text: String) -> String {
        var result = ""
        for character in text {
            if character.isASCII, character.isPunctuation || character.isSymbol {
                result.append("\\")
            }
            result.append(character)
        }
        return result
    }
}
