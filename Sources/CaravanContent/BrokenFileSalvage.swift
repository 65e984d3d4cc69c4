/// What can be read of a content file whose front matter is broken: its id and title from
/// their lines, and its body. A reader then still finds the entity, marked broken, while
/// `caravan check` reports the file's errors as before.
enum BrokenFileSalvage {
    /// An entity with only its id, kind and title, or nil when no id can be read.
    static func placeholder(for file: SourceFile) -> Entity? {
        guard !file.bytes.isEmpty, !file.bytes.contains(0) else { return nil }
        var bytes = file.bytes[...]
        if bytes.starts(with: [0xEF, 0xBB, 0xBF]) { bytes = bytes.dropFirst(3) }
        // Bytes that are not UTF-8 show as U+FFFD; the file's error says where they are.
        let text = String(decoding: bytes, as: UTF8.self)
        let frontMatter: Substring
        var body = ""
        var bodyLine = 1
        switch FrontMatterSplit.split(text) {
        case .success(let split):
            frontMatter = Substring(split.yaml)
            body = split.body
            bodyLine = split.bodyLine
        case .failure(.neverClosed):
            // Everything after the opening line is front matter; there is no body.
            frontMatter = text.split(separator: "\n", maxSplits: 1).dropFirst().first ?? ""
        case .failure(.missingOpening):
            return nil
        }
        var id: EntityID?
        var title: String?
        for line in FrontMatterSplit.lines(of: String(frontMatter)) {
            if id == nil, let value = value(of: "id", in: line),
                case .success(let parsed) = EntityID.parse(value)
            {
                id = parsed
            } else if title == nil, let value = value(of: "title", in: line), !value.isEmpty {
                title = value
            }
        }
        guard let id else { return nil }
        let shownTitle = title ?? id.description
        return Entity(
            id: id, title: shownTitle, summary: nil, order: nil,
            fields: [
                ("id", .string(id.description)), ("kind", .string(id.kind.rawValue)),
                ("title", .string(shownTitle)),
            ],
            body: body, document: MarkdownParser.parse(body),
            location: SourceLocation(path: file.path), bodyLine: bodyLine)
    }

    /// The value of a top-level `name: value` line, without quotes or a trailing comment.
    static func value(of name: String, in line: Substring) -> String? {
        guard line.hasPrefix(name + ":") else { return nil }
        var value = line.dropFirst(name.count + 1)
        if let comment = value.firstRange(of: " #") { value = value[..<comment.lowerBound] }
        value = value.drop { $0 == " " || $0 == "\t" }
        while let last = value.last, last == " " || last == "\t" || last == "\r" {
            value = value.dropLast()
        }
        if value.count >= 2, let first = value.first, first == "\"" || first == "'",
            value.last == first
        {
            value = value.dropFirst().dropLast()
        }
        return String(value)
    }
}
