import Foundation
import Yams

/// A link or citation written in a file, resolved once every file is read.
struct PendingLink {
    enum Target: Equatable {
        case id(String)
        case citationKey(String)
    }

    var source: EntityID
    var type: LinkType
    var target: Target
    /// True when written on the target's side (`discussed-in`): the link runs the other way.
    var reversed: Bool
    var location: SourceLocation
}

/// What one file yields: its entity (when it has a usable id) and the links it states.
struct ParsedFile {
    var entity: Entity?
    /// For a file that yields no entity but names its id: the entity as far as it can be
    /// read, so a reader can still open it, marked broken.
    var placeholder: Entity?
    var links: [PendingLink] = []
    /// Where each top-level field was written, for later checks.
    var fieldLocations: [String: SourceLocation] = [:]
    /// A deck cut into slides, which needs no other file.
    var deck: DeckParser.Result?
}

/// Turns one content file into an entity, reporting every problem found in it.
struct EntityFileParser {
    let file: SourceFile
    var log = DiagnosticLog()
    private var nodeBudget = 50_000
    private var yamlLine = 2
    /// Where each YAML line starts, from the first YAML line: file lines down, columns across.
    private var yamlLineStarts: [(line: Int, column: Int)] = []

    init(file: SourceFile) {
        self.file = file
    }

    private func at(_ line: Int, _ column: Int = 1) -> SourceLocation {
        SourceLocation(path: file.path, line: line, column: column)
    }

    private func at(_ mark: Mark?) -> SourceLocation {
        guard let mark else { return at(yamlLine) }
        // YAML breaks lines at a lone carriage return too; the file's lines are counted
        // at line feeds, so a YAML line is placed where it starts in the file.
        let index = mark.line - 1
        guard index >= 0, let last = yamlLineStarts.last else {
            return at(mark.line + yamlLine - 1, mark.column)
        }
        if index < yamlLineStarts.count {
            let start = yamlLineStarts[index]
            return at(yamlLine + start.line, start.column + mark.column)
        }
        return at(yamlLine + last.line + index - (yamlLineStarts.count - 1), mark.column)
    }

    /// The file's entity, or, when it has errors that leave none, what can be saved of it.
    mutating func parse() -> ParsedFile {
        var parsed = parseEntityFile()
        if parsed.entity == nil, !log.items.isEmpty {
            parsed.placeholder = BrokenFileSalvage.placeholder(for: file)
        }
        return parsed
    }

    private mutating func parseEntityFile() -> ParsedFile {
        let parsed = ParsedFile()
        guard let text = decodeText() else { return parsed }
        let split: FrontMatterSplit
        switch FrontMatterSplit.split(text) {
        case .success(let value): split = value
        case .failure(.missingOpening):
            log.error("missing front matter: the file must start with a `---` line", at: at(1))
            return parsed
        case .failure(.neverClosed):
            log.error("front matter is never closed: add a `---` line after it", at: at(1))
            return parsed
        }
        yamlLine = split.yamlLine
        yamlLineStarts = Self.lineStarts(ofYAML: split.yaml)
        let root: Node
        do {
            guard let node = try FrontMatterYAML.compose(split.yaml) else {
                log.error("front matter is empty: `id`, `kind` and `title` are required", at: at(1))
                return parsed
            }
            root = node
        } catch let error as YamlError {
            reportYAML(error)
            return parsed
        } catch {
            log.error("malformed YAML: \(error)", at: at(yamlLine))
            return parsed
        }
        guard case .mapping(let mapping) = root else {
            log.error("front matter must be a mapping of `field: value` lines", at: at(root.mark))
            return parsed
        }
        return parseEntity(mapping, split: split)
    }

    // MARK: Bytes to text

    private mutating func decodeText() -> String? {
        let bytes = file.bytes
        guard !bytes.isEmpty else {
            log.error("file is empty", at: at(1))
            return nil
        }
        if let nul = bytes.firstIndex(of: 0) {
            let (line, column) = Self.lineAndColumn(of: nul, in: bytes)
            log.error(
                "binary file (contains a NUL byte); content files must be text",
                at: at(line, column))
            return nil
        }
        var body = bytes[...]
        if body.starts(with: [0xEF, 0xBB, 0xBF]) { body = body.dropFirst(3) }
        if let bad = Self.firstInvalidUTF8(body) {
            let (line, column) = Self.lineAndColumn(of: bad, in: bytes)
            log.error(
                "invalid UTF-8 (byte 0x\(String(bytes[bad], radix: 16)))", at: at(line, column))
            return nil
        }
        return String(decoding: body, as: UTF8.self)
    }

    static func firstInvalidUTF8(_ bytes: ArraySlice<UInt8>) -> Int? {
        var index = bytes.startIndex
        while index < bytes.endIndex {
            let lead = bytes[index]
            if lead < 0x80 {
                index += 1
                continue
            }
            let length: Int
            switch lead {
            case 0x00...0x7F: length = 1
            case 0xC2...0xDF: length = 2
            case 0xE0...0xEF: length = 3
            case 0xF0...0xF4: length = 4
            default: return index
            }
            guard index + length <= bytes.endIndex else { return index }
            var decoder = UTF8()
            var iterator = bytes[index..<(index + length)].makeIterator()
            guard case .scalarValue = decoder.decode(&iterator) else { return index }
            index += length
        }
        return nil
    }

    /// Where each line of YAML text starts, as YAML counts lines (at a line feed, a
    /// carriage return, or both together), in file lines and columns from its start.
    static func lineStarts(ofYAML yaml: String) -> [(line: Int, column: Int)] {
        var starts = [(line: 0, column: 0)]
        var line = 0
        var column = 0
        var afterCarriageReturn = false
        for scalar in yaml.unicodeScalars {
            switch scalar {
            case "\n":
                line += 1
                column = 0
                let start = (line: line, column: 0)
                // `\r\n` is one break: the line the carriage return began starts here.
                if afterCarriageReturn {
                    starts[starts.count - 1] = start
                } else {
                    starts.append(start)
                }
                afterCarriageReturn = false
            case "\r":
                column += 1
                starts.append((line, column))
                afterCarriageReturn = true
            default:
                column += 1
                afterCarriageReturn = false
            }
        }
        return starts
    }

    /// Line and column (in characters, counted leniently) of a byte offset.
    static func lineAndColumn(of offset: Int, in bytes: [UInt8]) -> (Int, Int) {
        var line = 1
        var lineStart = 0
        for index in 0..<min(offset, bytes.count) where bytes[index] == 0x0A {
            line += 1
            lineStart = index + 1
        }
        let column =
            bytes[lineStart..<min(offset, bytes.count)].filter { $0 & 0xC0 != 0x80 }.count + 1
        return (line, column)
    }

    private mutating func reportYAML(_ error: YamlError) {
        switch error {
        case .scanner(_, let problem, let mark, _), .parser(_, let problem, let mark, _),
            .composer(_, let problem, let mark, _):
            log.error("malformed YAML: \(problem)", at: at(mark))
        case .duplicatedKeysInMapping(let duplicates, let context):
            log.error(
                "field written twice: \(duplicates.joined(separator: ", "))", at: at(context.mark))
        case .reader(let problem, _, _, _):
            log.error("malformed YAML: \(problem)", at: at(yamlLine))
        default:
            log.error("malformed YAML", at: at(yamlLine))
        }
    }

    // MARK: Fields

    private mutating func parseEntity(_ mapping: Node.Mapping, split: FrontMatterSplit)
        -> ParsedFile
    {
        var parsed = ParsedFile()
        var fields: [(key: String, value: FieldValue)] = []
        var fieldNodes: [String: Node] = [:]
        for (keyNode, valueNode) in mapping {
            guard let key = keyNode.scalar?.string else {
                log.error("field names must be plain words", at: at(keyNode.mark))
                continue
            }
            if fieldNodes[key] != nil {
                log.error("field `\(key)` is written twice", at: at(keyNode.mark))
                continue
            }
            fieldNodes[key] = valueNode
            parsed.fieldLocations[key] = at(keyNode.mark)
            fields.append((key, value(of: valueNode)))
        }
        let start = at(1)
        guard let kindNode = fieldNodes["kind"] else {
            log.error("missing required field `kind`", at: start)
            reportMissingID(fieldNodes, start: start)
            if fieldNodes["title"] == nil { log.error("missing required field `title`", at: start) }
            return parsed
        }
        guard let kindName = kindNode.scalar?.string, let kind = EntityKind(rawValue: kindName)
        else {
            let name = kindNode.scalar?.string ?? ""
            log.error(
                "unknown kind `\(name)`; kinds are \(EntityKind.allCases.map(\.rawValue).joined(separator: ", "))",
                at: at(kindNode.mark),
                suggestion: Suggestion.didYouMean(name, among: EntityKind.allCases.map(\.rawValue)))
            return parsed
        }
        // Without a usable id the file yields no entity, but its other fields are still checked.
        let parsedID = parseID(fieldNodes["id"], kind: kind, start: start)
        let id = parsedID ?? EntityID(kind: kind, slug: "unnamed")

        var title = ""
        if let titleNode = fieldNodes["title"], let text = titleNode.scalar?.string,
            !text.trimmingCharacters(in: .whitespaces).isEmpty
        {
            title = text
        } else {
            log.error(
                "missing required field `title`",
                at: fieldNodes["title"].map { at($0.mark) } ?? start)
        }
        for required in kind.requiredFields where fieldNodes[required] == nil {
            log.error("missing required field `\(required)` for a \(kind.rawValue)", at: start)
        }
        if kind == .mechanism, fieldNodes["connotation"] == nil, fieldNodes["parent"] == nil {
            log.error("a mechanism needs a `connotation` or a `parent` mechanism", at: start)
        }
        let allowed = kind.allowedFields
        for (keyNode, valueNode) in mapping {
            guard let key = keyNode.scalar?.string else { continue }
            if key.hasPrefix("x-") || key == "id" { continue }  // `id` was checked above
            guard allowed.contains(key) else {
                log.error(
                    "unknown field `\(key)` for a \(kind.rawValue)", at: at(keyNode.mark),
                    suggestion: Suggestion.didYouMean(key, among: allowed))
                continue
            }
            check(field: key, value: valueNode, kind: kind, source: id, links: &parsed.links)
        }
        guard parsedID != nil else {
            parsed.links = []
            return parsed
        }

        let (document, outline) = MarkdownParser.parseBody(split.body)
        parsed.links += BodyLinkScanner.links(
            in: split.body, outline: outline, firstLine: split.bodyLine, path: file.path,
            source: id)
        let order = fieldNodes["order"].flatMap(Self.integer)
        let summary = fieldNodes["summary"]?.scalar?.string
        parsed.entity = Entity(
            id: id, title: title, summary: summary, order: order, fields: fields, body: split.body,
            document: document, location: start, bodyLine: split.bodyLine)
        return parsed
    }

    private mutating func reportMissingID(_ nodes: [String: Node], start: SourceLocation) {
        if nodes["id"] == nil { log.error("missing required field `id`", at: start) }
    }

    private mutating func parseID(_ node: Node?, kind: EntityKind, start: SourceLocation)
        -> EntityID?
    {
        guard let node else {
            log.error(
                "missing required field `id` (e.g. `id: \(kind.rawValue)/a-short-name`)", at: start)
            return nil
        }
        guard let text = node.scalar?.string else {
            log.error(
                "`id` must be text such as `\(kind.rawValue)/a-short-name`", at: at(node.mark))
            return nil
        }
        switch EntityID.parse(text) {
        case .success(let id):
            guard id.kind == kind else {
                log.error(
                    "id `\(text)` does not match kind `\(kind.rawValue)`", at: at(node.mark),
                    suggestion: "did you mean `\(kind.rawValue)/\(id.slug)`?")
                return nil
            }
            return id
        case .failure(.unknownKind(let name)):
            log.error(
                "id `\(text)` has unknown kind `\(name)`", at: at(node.mark),
                suggestion:
                    "did you mean `\(kind.rawValue)/\(text.split(separator: "/").last ?? "")`?")
        case .failure(.badSlug):
            log.error(
                "id `\(text)`: after the slash use lower-case letters, digits and hyphens",
                at: at(node.mark))
        case .failure(.notAnID):
            log.error(
                "id `\(text)` must be `\(kind.rawValue)/a-short-name`", at: at(node.mark),
                suggestion: "did you mean `\(kind.rawValue)/\(text)`?")
        }
        return nil
    }

    private mutating func check(
        field: String, value node: Node, kind: EntityKind, source: EntityID,
        links: inout [PendingLink]
    ) {
        let location = at(node.mark)
        switch FieldShape.of(field, kind: kind) {
        case .text:
            if node.scalar == nil || (node.scalar?.string.isEmpty ?? true) && field != "summary" {
                log.error("`\(field)` must be text", at: location)
            }
        case .integer:
            if Self.integer(node) == nil {
                log.error("`\(field)` must be a whole number", at: location)
            }
        case .date:
            if !Self.isCalendarDate(node.scalar?.string ?? "") {
                log.error("`\(field)` must be a date written YYYY-MM-DD", at: location)
            }
        case .textList:
            checkTextList(field, node)
        case .textOrTextList:
            if node.scalar == nil { checkTextList(field, node) }
        case .link(let type):
            guard let text = node.scalar?.string else {
                log.error("`\(field)` must be one id", at: location)
                return
            }
            links.append(
                PendingLink(
                    source: source, type: type, target: .id(text), reversed: false,
                    location: location))
        case .links(let type), .inverseLinks(let type):
            var reversed = false
            if case .inverseLinks = FieldShape.of(field, kind: kind) { reversed = true }
            for item in listItems(field, node) {
                guard let text = item.scalar?.string else {
                    log.error("`\(field)` must list ids", at: at(item.mark))
                    continue
                }
                links.append(
                    PendingLink(
                        source: source, type: type, target: .id(text), reversed: reversed,
                        location: at(item.mark)))
            }
        case .records(let required, let optional):
            checkRecords(
                field, node, required: required, optional: optional, source: source, links: &links)
        case .paperAuthors:
            checkRecords(
                field, node, required: ["name"],
                optional: ["affiliations", "email", "corresponding"],
                source: source, links: &links)
        case .any:
            break
        }
    }

    /// `node.int`, except for text with colons: Yams reads `1:2:3:4:5:6:7:8:9:10:11:12` as
    /// base 60 and traps when that overflows.
    static func integer(_ node: Node) -> Int? {
        guard let text = node.scalar?.string, !text.contains(":") else { return nil }
        return node.int
    }

    /// Whether text matches `^[-+]?\d+$` (as NSRegularExpression reads it), without
    /// compiling the expression for the common case of ASCII text on one line.
    static func looksLikeInteger(_ text: String) -> Bool {
        let bytes = text.utf8
        if bytes.allSatisfy({ $0 < 0x80 && $0 != 0x0A && $0 != 0x0D }) {
            let digits =
                bytes.first == UInt8(ascii: "-") || bytes.first == UInt8(ascii: "+")
                ? bytes.dropFirst() : bytes[...]
            return !digits.isEmpty && digits.allSatisfy { $0 >= 0x30 && $0 <= 0x39 }
        }
        return text.range(of: #"^[-+]?\d+$"#, options: .regularExpression) != nil
    }

    /// Whether text matches `^\d{4}-\d{2}-\d{2}$` closely enough for a date: in ASCII,
    /// exactly that, read from the bytes; other text by the expression. (In ASCII the
    /// expression also matches before a final line break, which no date survives.)
    static func looksLikeDate(_ text: String) -> Bool {
        let bytes = text.utf8
        guard bytes.allSatisfy({ $0 < 0x80 }) else {
            return text.range(of: #"^\d{4}-\d{2}-\d{2}$"#, options: .regularExpression) != nil
        }
        guard bytes.count == 10 else { return false }
        return bytes.enumerated().allSatisfy { offset, byte in
            offset == 4 || offset == 7 ? byte == UInt8(ascii: "-") : (0x30...0x39).contains(byte)
        }
    }

    /// `YYYY-MM-DD` naming a day that exists (29 February only in leap years).
    static func isCalendarDate(_ text: String) -> Bool {
        guard looksLikeDate(text) else { return false }
        let parts = text.split(separator: "-").compactMap { Int($0) }
        guard parts.count == 3, (1...12).contains(parts[1]) else { return false }
        let year = parts[0]
        let leap = year % 4 == 0 && (year % 100 != 0 || year % 400 == 0)
        let days = [31, leap ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31][parts[1] - 1]
        return (1...days).contains(parts[2])
    }

    private mutating func listItems(_ field: String, _ node: Node) -> [Node] {
        switch node {
        case .sequence(let sequence): return Array(sequence)
        case .scalar: return [node]
        default:
            log.error("`\(field)` must be a list", at: at(node.mark))
            return []
        }
    }

    private mutating func checkTextList(_ field: String, _ node: Node) {
        guard case .sequence(let sequence) = node else {
            log.error("`\(field)` must be a list of text items", at: at(node.mark))
            return
        }
        for item in sequence where item.scalar == nil {
            log.error("`\(field)` items must be text", at: at(item.mark))
        }
    }

    private mutating func checkRecords(
        _ field: String, _ node: Node, required: [String], optional: [String], source: EntityID,
        links: inout [PendingLink]
    ) {
        guard case .sequence(let sequence) = node else {
            log.error("`\(field)` must be a list of entries", at: at(node.mark))
            return
        }
        for item in sequence {
            guard case .mapping(let record) = item else {
                log.error(
                    "each `\(field)` entry needs \(required.map { "`\($0)`" }.joined(separator: ", "))",
                    at: at(item.mark))
                continue
            }
            var seen: Set<String> = []
            for (keyNode, valueNode) in record {
                let key = keyNode.scalar?.string ?? ""
                seen.insert(key)
                guard required.contains(key) || optional.contains(key) else {
                    log.error(
                        "unknown key `\(key)` in `\(field)`", at: at(keyNode.mark),
                        suggestion: Suggestion.didYouMean(key, among: required + optional))
                    continue
                }
                if let type = FieldShape.recordLink(field: field, key: key) {
                    if let text = valueNode.scalar?.string {
                        links.append(
                            PendingLink(
                                source: source, type: type, target: .id(text), reversed: false,
                                location: at(valueNode.mark)))
                    } else {
                        log.error("`\(key)` in `\(field)` must be one id", at: at(valueNode.mark))
                    }
                }
                if field == "quotes", key == "text", let quote = valueNode.scalar?.string {
                    let words = quote.split { $0 == " " || $0 == "\n" }.count
                    if words > 12 {
                        log.warning(
                            "quote of \(words) words; quote short phrases (at most about ten words) and summarise the rest",
                            at: at(valueNode.mark))
                    }
                }
            }
            for key in required where !seen.contains(key) {
                log.error("`\(field)` entry is missing `\(key)`", at: at(item.mark))
            }
        }
    }

    // MARK: YAML nodes to values

    private mutating func value(of node: Node) -> FieldValue {
        guard nodeBudget > 0 else { return .null }
        nodeBudget -= 1
        if nodeBudget == 0 {
            log.error("front matter is too large or too deeply aliased", at: at(node.mark))
        }
        switch node {
        case .scalar(let scalar):
            if scalar.style == .plain {
                // The text is checked first: it is cheap, and Yams resolves tags slowly.
                if Self.looksLikeInteger(scalar.string), let int = Self.integer(node) {
                    return .integer(int)
                }
                if ["true", "false"].contains(scalar.string), let bool = node.bool {
                    return .bool(bool)
                }
                if ["", "~", "null"].contains(scalar.string), node.null != nil { return .null }
            }
            return .string(scalar.string)
        case .sequence(let sequence):
            var items: [FieldValue] = []
            for item in sequence { items.append(value(of: item)) }
            return .list(items)
        case .mapping(let mapping):
            var entries: [(key: String, value: FieldValue)] = []
            for (key, value) in mapping {
                entries.append((key.scalar?.string ?? "", self.value(of: value)))
            }
            return .map(entries)
        case .alias:
            return .null
        }
    }
}
