import Foundation
import Yams

/// What a content folder says about itself in `caravan.yaml` at its root: the words it
/// uses for its kinds, the fields they need, regions of its own, and the content it sits
/// on. A folder without the file declares nothing and reads as the built-in paper does.
public struct ContentManifest: Sendable, Hashable {
    public static let fileName = "caravan.yaml"

    /// A layer this folder sits on, as written under `extends`.
    public struct Extension: Sendable, Hashable {
        /// `builtin`, or a folder path relative to the manifest's folder.
        public var target: String
        public var location: SourceLocation
    }

    public var extends: [Extension] = []
    /// Only what the file declares; the standard words fill the rest.
    public var vocabulary = Vocabulary()
    public var regions: [RegionCatalog.Region] = []

    public init() {}

    /// Reads a manifest, reporting every problem in it at its line and column.
    public static func parse(_ file: SourceFile) -> (ContentManifest, [Diagnostic]) {
        var parser = ManifestParser(path: file.path)
        let manifest = parser.parse(file.bytes)
        return (manifest, parser.log.items)
    }
}

/// Reads `caravan.yaml`.
struct ManifestParser {
    let path: String
    var log = DiagnosticLog()

    static let topLevelKeys = ["extends", "vocabulary", "required", "regions"]

    private func at(_ mark: Mark?) -> SourceLocation {
        SourceLocation(path: path, line: mark?.line ?? 1, column: mark?.column ?? 1)
    }

    mutating func parse(_ bytes: [UInt8]) -> ContentManifest {
        var manifest = ContentManifest()
        guard let text = String(validating: bytes, as: UTF8.self) else {
            log.error("\(ContentManifest.fileName) must be UTF-8 text", at: at(nil))
            return manifest
        }
        let root: Node?
        do {
            root = try Yams.compose(yaml: text)
        } catch let error as YamlError {
            let problem = YAMLProblem(error)
            log.error(problem.message, at: at(problem.mark))
            return manifest
        } catch {
            log.error("malformed YAML: \(error)", at: at(nil))
            return manifest
        }
        guard let root else { return manifest }
        guard case .mapping(let mapping) = root else {
            log.error(
                "\(ContentManifest.fileName) must be a mapping of `key: value` lines",
                at: at(root.mark))
            return manifest
        }
        for (keyNode, value) in mapping {
            let key = keyNode.scalar?.string ?? ""
            switch key {
            case "extends": manifest.extends = extends(value)
            case "vocabulary": vocabulary(value, into: &manifest.vocabulary)
            case "required": required(value, into: &manifest.vocabulary)
            case "regions": manifest.regions = regions(value)
            default:
                log.error(
                    "unknown key `\(key)` in \(ContentManifest.fileName); keys are "
                        + ManifestParser.topLevelKeys.joined(separator: ", "),
                    at: at(keyNode.mark),
                    suggestion: Suggestion.didYouMean(key, among: ManifestParser.topLevelKeys))
            }
        }
        return manifest
    }

    // MARK: extends

    private mutating func extends(_ node: Node) -> [ContentManifest.Extension] {
        let items: [Node]
        switch node {
        case .scalar: items = [node]
        case .sequence(let sequence): items = Array(sequence)
        default:
            log.error("`extends` must be `builtin`, a folder, or a list of them", at: at(node.mark))
            return []
        }
        return items.compactMap { item in
            guard let text = item.scalar?.string, !text.isEmpty else {
                log.error("`extends` names `builtin` or a folder path", at: at(item.mark))
                return nil
            }
            return ContentManifest.Extension(target: text, location: at(item.mark))
        }
    }

    // MARK: vocabulary and required

    /// The kind a key names; reports an unknown one.
    private mutating func kind(_ keyNode: Node, in section: String) -> EntityKind? {
        let name = keyNode.scalar?.string ?? ""
        if let kind = EntityKind(rawValue: name) { return kind }
        let kinds = EntityKind.allCases.map(\.rawValue)
        log.error(
            "`\(section)`: unknown kind `\(name)`; kinds are \(kinds.joined(separator: ", "))",
            at: at(keyNode.mark), suggestion: Suggestion.didYouMean(name, among: kinds))
        return nil
    }

    private mutating func vocabulary(_ node: Node, into vocabulary: inout Vocabulary) {
        guard case .mapping(let mapping) = node else {
            log.error(
                "`vocabulary` maps kinds to words, e.g. `connotation: pillar`", at: at(node.mark))
            return
        }
        for (keyNode, value) in mapping {
            guard let kind = kind(keyNode, in: "vocabulary") else { continue }
            if let word = value.scalar?.string {
                guard let word = nonEmpty(word, at: value.mark, what: "the word for `\(kind)`")
                else { continue }
                vocabulary.declare(Vocabulary.Term(singular: word), for: kind)
                continue
            }
            guard case .mapping(let forms) = value else {
                log.error(
                    "`vocabulary.\(kind)` is a word, or `{singular: ..., plural: ...}`",
                    at: at(value.mark))
                continue
            }
            var singular: String?
            var plural: String?
            for (formKey, formValue) in forms {
                let name = formKey.scalar?.string ?? ""
                guard ["singular", "plural"].contains(name) else {
                    log.error(
                        "unknown key `\(name)` in `vocabulary.\(kind)`; write `singular` and `plural`",
                        at: at(formKey.mark),
                        suggestion: Suggestion.didYouMean(name, among: ["singular", "plural"]))
                    continue
                }
                var word: String?
                if let text = formValue.scalar?.string {
                    word = nonEmpty(text, at: formValue.mark, what: "`vocabulary.\(kind).\(name)`")
                } else {
                    log.error("`vocabulary.\(kind).\(name)` must be text", at: at(formValue.mark))
                }
                if name == "singular" { singular = word } else { plural = word }
            }
            guard let singular else {
                log.error("`vocabulary.\(kind)` needs a `singular`", at: at(value.mark))
                continue
            }
            vocabulary.declare(Vocabulary.Term(singular: singular, plural: plural), for: kind)
        }
    }

    private mutating func nonEmpty(_ text: String, at mark: Mark?, what: String) -> String? {
        let trimmed = text.trimmingCharacters(in: .whitespaces)
        if trimmed.isEmpty || trimmed.contains(where: { $0.isNewline }) {
            log.error("\(what) must be a word or a few, on one line", at: at(mark))
            return nil
        }
        return trimmed
    }

    private mutating func required(_ node: Node, into vocabulary: inout Vocabulary) {
        guard case .mapping(let mapping) = node else {
            log.error(
                "`required` maps kinds to lists of fields, e.g. `paper: [authors]`",
                at: at(node.mark))
            return
        }
        for (keyNode, value) in mapping {
            guard let kind = kind(keyNode, in: "required") else { continue }
            let items: [Node]
            switch value {
            case .sequence(let sequence): items = Array(sequence)
            case .scalar(let scalar) where scalar.string.isEmpty: items = []
            default:
                log.error("`required.\(kind)` must be a list of fields", at: at(value.mark))
                continue
            }
            var fields: [String] = []
            let allowed = kind.allowedFields.filter { !["id", "kind", "title"].contains($0) }
            for item in items {
                let field = item.scalar?.string ?? ""
                guard allowed.contains(field) else {
                    log.error(
                        "`required.\(kind)`: a \(kind) has no field `\(field)`",
                        at: at(item.mark), suggestion: Suggestion.didYouMean(field, among: allowed))
                    continue
                }
                if !fields.contains(field) { fields.append(field) }
            }
            vocabulary.require(fields, of: kind)
        }
    }

    // MARK: regions

    private mutating func regions(_ node: Node) -> [RegionCatalog.Region] {
        guard case .sequence(let sequence) = node else {
            log.error(
                "`regions` is a list of entries such as `- name: Africa`", at: at(node.mark))
            return []
        }
        var regions: [RegionCatalog.Region] = []
        var seen: [String: SourceLocation] = [:]
        for item in sequence {
            var name: String?
            var column: Int?
            var row: Int?
            switch item {
            case .scalar(let scalar):
                name = scalar.string
            case .mapping(let mapping):
                for (keyNode, value) in mapping {
                    let key = keyNode.scalar?.string ?? ""
                    switch key {
                    case "name": name = value.scalar?.string
                    case "column", "row":
                        guard let number = value.int, number >= 1, number <= 99 else {
                            log.error("`\(key)` must be a whole number from 1", at: at(value.mark))
                            continue
                        }
                        if key == "column" { column = number } else { row = number }
                    default:
                        log.error(
                            "unknown key `\(key)` in a region; write `name`, `column` and `row`",
                            at: at(keyNode.mark),
                            suggestion: Suggestion.didYouMean(
                                key, among: ["name", "column", "row"]))
                    }
                }
            default:
                break
            }
            let location = at(item.mark)
            guard let text = name, let name = nonEmpty(text, at: item.mark, what: "a region's name")
            else {
                if name == nil { log.error("each region needs a `name`", at: location) }
                continue
            }
            if let earlier = seen[name] {
                log.error(
                    "region `\(name)` is declared twice; first at line \(earlier.line)",
                    at: location)
                continue
            }
            if row != nil, column == nil {
                log.error("region `\(name)` has a `row` but no `column`", at: location)
            }
            seen[name] = location
            let placement = column.map { RegionCatalog.Placement(column: $0, row: row ?? 99) }
            regions.append(
                RegionCatalog.Region(name: name, placement: placement, declaredAt: location))
        }
        return regions
    }
}
