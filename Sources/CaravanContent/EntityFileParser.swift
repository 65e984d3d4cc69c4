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
    var nodeBudget = 50_000
    var yamlLine = 2
    /// Where each YAML line starts, from the first YAML line: file lines down, columns across.
    var yamlLineStarts: [(line: Int, column: Int)] = []

    /// The content's words for its kinds, and the fields each needs.
    let vocabulary: Vocabulary

    init(file: SourceFile, vocabulary: Vocabulary = .standard) {
        self.file = file
        self.vocabulary = vocabulary
    }

    func at(_ line: Int, _ column: Int = 1) -> SourceLocation {
        SourceLocation(path: file.path, line: line, column: column)
    }

    func at(_ mark: Mark?) -> SourceLocation {
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

    private mutating func reportYAML(_ error: YamlError) {
        let problem = YAMLProblem(error)
        log.error(problem.message, at: problem.mark.map { at($0) } ?? at(yamlLine))
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
            !Self.isBlank(text)
        {
            title = text
        } else {
            log.error(
                "missing required field `title`",
                at: fieldNodes["title"].map { at($0.mark) } ?? start)
        }
        for required in vocabulary.requiredFields(of: kind) where fieldNodes[required] == nil {
            log.error(
                "missing required field `\(required)` for \(vocabulary.withArticle(kind))",
                at: start)
        }
        if kind == .mechanism, fieldNodes["connotation"] == nil, fieldNodes["parent"] == nil {
            log.error(
                "\(vocabulary.withArticle(.mechanism)) needs a `connotation` or a `parent` "
                    + vocabulary.messageName(.mechanism), at: start)
        }
        let allowed = kind.allowedFields
        for (keyNode, valueNode) in mapping {
            guard let key = keyNode.scalar?.string else { continue }
            if key.hasPrefix("x-") || key == "id" { continue }  // `id` was checked above
            guard allowed.contains(key) else {
                log.error(
                    "unknown field `\(key)` for \(vocabulary.withArticle(kind))",
                    at: at(keyNode.mark),
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

    /// Whether `text` is nothing but whitespace (as `.whitespaces` counts it): at once when
    /// it starts with a visible ASCII character, else as Foundation trims it.
    static func isBlank(_ text: String) -> Bool {
        if let first = text.utf8.first, first > 0x20, first < 0x7F { return false }
        return text.trimmingCharacters(in: .whitespaces).isEmpty
    }
}
