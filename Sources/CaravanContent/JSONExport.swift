import Foundation

/// The whole model as JSON, in the schema documented in `docs/export-schema.md`.
public enum JSONExport {
    public static let schemaVersion = 1

    public static func data(for model: ContentModel) throws -> Data {
        try JSONSerialization.data(
            withJSONObject: object(for: model),
            options: [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes])
    }

    static func object(for model: ContentModel) -> [String: Any] {
        var counts: [String: Int] = [:]
        for entity in model.entities { counts[entity.kind.rawValue, default: 0] += 1 }
        return [
            "schema": "caravan-export",
            "version": schemaVersion,
            "counts": counts,
            "entities": model.entities.map { entityObject($0, model: model) },
            "links": model.links.map(linkObject),
            "diagnostics": model.diagnostics.map(diagnosticObject),
            "vocabulary": vocabularyObject(model.vocabulary),
            "regions": model.regions.regions.map(regionObject),
            "layers": model.layers.map(layerObject),
        ]
    }

    /// Every kind's words and required fields, declared or standard.
    static func vocabularyObject(_ vocabulary: Vocabulary) -> [String: Any] {
        var object: [String: Any] = [:]
        for kind in EntityKind.allCases {
            let term = vocabulary.term(for: kind)
            object[kind.rawValue] = [
                "singular": term.singular, "plural": term.plural, "label": term.label,
                "required": vocabulary.requiredFields(of: kind),
            ]
        }
        return object
    }

    static func regionObject(_ region: RegionCatalog.Region) -> [String: Any] {
        var object: [String: Any] = ["name": region.name, "builtin": region.isBuiltIn]
        if let placement = region.placement {
            object["column"] = placement.column
            object["row"] = placement.row
        }
        return object
    }

    static func layerObject(_ layer: ContentLayer) -> [String: Any] {
        let source: String
        switch layer.source {
        case .builtin: source = "builtin"
        case .folder: source = "folder"
        case .file: source = "file"
        }
        return ["source": source, "path": layer.displayPath]
    }

    static func entityObject(_ entity: Entity, model: ContentModel) -> [String: Any] {
        var fields: [String: Any] = [:]
        for (key, value) in entity.fields where !["id", "kind", "title"].contains(key) {
            fields[key] = json(value)
        }
        var object: [String: Any] = [
            "id": entity.id.description,
            "kind": entity.kind.rawValue,
            "title": entity.title,
            "path": entity.location.path,
            "fields": fields,
            "body": entity.body,
            "links": model.outgoing(from: entity.id).map { link in
                [
                    "type": link.type.rawValue, "label": link.type.label,
                    "target": link.target.description,
                ]
            },
            "backlinks": model.incoming(to: entity.id).map { link in
                [
                    "type": link.type.rawValue, "label": link.type.inverseLabel,
                    "source": link.source.description,
                ]
            },
        ]
        if let summary = entity.summary { object["summary"] = summary }
        let names = entity.names
        if !names.isEmpty {
            object["names"] = names.map { ["language": $0.language, "text": $0.text] }
        }
        if let code = model.framework.code(of: entity.id) { object["code"] = code }
        return object
    }

    static func linkObject(_ link: Link) -> [String: Any] {
        [
            "source": link.source.description, "type": link.type.rawValue,
            "target": link.target.description, "path": link.location.path,
            "line": link.location.line, "column": link.location.column,
        ]
    }

    static func diagnosticObject(_ diagnostic: Diagnostic) -> [String: Any] {
        var object: [String: Any] = [
            "path": diagnostic.location.path, "line": diagnostic.location.line,
            "column": diagnostic.location.column, "severity": diagnostic.severity.rawValue,
            "message": diagnostic.message,
        ]
        if let suggestion = diagnostic.suggestion { object["suggestion"] = suggestion }
        return object
    }

    static func json(_ value: FieldValue) -> Any {
        switch value {
        case .string(let s): s
        case .integer(let i): i
        case .number(let d): d
        case .bool(let b): b
        case .null: NSNull()
        case .list(let items): items.map(json)
        case .map(let entries):
            Dictionary(
                entries.map { ($0.key, json($0.value)) }, uniquingKeysWith: { first, _ in first })
        }
    }
}
