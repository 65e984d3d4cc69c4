/// The model's parts in the archive: entities in reading order (their bodies as lazy parts,
/// read and parsed when a page is opened), links by entity number, diagnostics, and what
/// the layers declared. Paths are written once, in a table, and named by number.
struct ArchivedModelParts {
    var entities: [Entity]
    var links: [Link]
    /// Each link's source and target by place in `entities`.
    var linkEnds: [(source: Int, target: Int)]
    var diagnostics: [Diagnostic]
    var setup: ContentLoader.ContentSetup
}

/// Nesting of front-matter values deeper than this is refused (YAML input is limited
/// far below it; only a hostile archive gets there).
private let maximumFieldDepth = 64

extension ArchiveWriter {
    /// The model, with `bodies` where each entity's body was written, in the same order.
    mutating func model(_ model: ContentModel, bodies: [ArchivePart]) {
        var paths = PathTable()
        for entity in model.entities { paths.add(entity.location.path) }
        for link in model.links { paths.add(link.location.path) }
        for diagnostic in model.diagnostics { paths.add(diagnostic.location.path) }
        paths.collect(model.setup)
        array(paths.names) { $0.string($1) }

        var numbers: [EntityID: Int] = [:]
        // An id given twice (an error, kept to be shown) names its last entity, as
        // ``ContentModel/index(of:)`` does, so links read back point where they did.
        for (index, entity) in model.entities.enumerated() { numbers[entity.id] = index }
        count(model.entities.count)
        for (each, body) in zip(model.entities, bodies) {
            entity(each, paths: paths, body: body)
        }
        let links = model.links.filter { numbers[$0.source] != nil && numbers[$0.target] != nil }
        array(links) { writer, link in
            writer.count(numbers[link.source] ?? 0)
            writer.byte(UInt8(LinkType.allCases.firstIndex(of: link.type) ?? 0))
            writer.count(numbers[link.target] ?? 0)
            writer.location(link.location, paths: paths)
        }
        array(model.diagnostics) { writer, diagnostic in
            writer.bool(diagnostic.severity == .warning)
            writer.string(diagnostic.message)
            writer.optional(diagnostic.suggestion) { $0.string($1) }
            writer.location(diagnostic.location, paths: paths)
        }
        setup(model.setup, paths: paths)
    }

    mutating func entity(_ entity: Entity, paths: PathTable, body: ArchivePart) {
        byte(UInt8(EntityKind.allCases.firstIndex(of: entity.kind) ?? 0))
        string(entity.id.slug)
        string(entity.title)
        optional(entity.summary) { $0.string($1) }
        optional(entity.order) { $0.signed($1) }
        array(entity.fields) { writer, field in
            writer.string(field.key)
            writer.field(field.value)
        }
        part(body)
        location(entity.location, paths: paths)
        signed(entity.bodyLine)
    }

    mutating func field(_ value: FieldValue) {
        switch value {
        case .string(let text):
            byte(0)
            string(text)
        case .integer(let number):
            byte(1)
            signed(number)
        case .number(let number):
            byte(2)
            double(number)
        case .bool(let flag):
            byte(3)
            bool(flag)
        case .null:
            byte(4)
        case .list(let items):
            byte(5)
            array(items) { $0.field($1) }
        case .map(let entries):
            byte(6)
            array(entries) { writer, entry in
                writer.string(entry.key)
                writer.field(entry.value)
            }
        }
    }

    mutating func location(_ location: SourceLocation, paths: PathTable) {
        count(paths.number(of: location.path))
        count(location.line)
        count(location.column)
    }
}

extension ArchiveReader {
    mutating func modelParts(in lazy: LazyParts) throws -> ArchivedModelParts {
        let paths = try array { try $0.string() }
        let entities = try array(minimumSize: 16) { try $0.entity(paths: paths, in: lazy) }
        var linkEnds: [(source: Int, target: Int)] = []
        let links = try array(minimumSize: 5) { reader -> Link in
            let source = try reader.natural()
            let type = try reader.oneOf(LinkType.self)
            let target = try reader.natural()
            guard source < entities.count, target < entities.count else {
                throw Self.fail("link to no entity")
            }
            linkEnds.append((source, target))
            return Link(
                source: entities[source].id, type: type, target: entities[target].id,
                location: try reader.location(paths: paths))
        }
        let diagnostics = try array(minimumSize: 5) { reader -> Diagnostic in
            let severity: Severity = try reader.bool() ? .warning : .error
            let message = try reader.string()
            let suggestion = try reader.optional { try $0.string() }
            return Diagnostic(
                severity, message, at: try reader.location(paths: paths), suggestion: suggestion)
        }
        let setup = try setup(paths: paths)
        return ArchivedModelParts(
            entities: entities, links: links, linkEnds: linkEnds, diagnostics: diagnostics,
            setup: setup)
    }

    mutating func entity(paths: [String], in lazy: LazyParts) throws -> Entity {
        let kind = try oneOf(EntityKind.self)
        let slug = try string()
        let title = try string()
        let summary = try optional { try $0.string() }
        let order = try optional { try $0.signed() }
        let fields = try array(minimumSize: 2) { reader in
            (key: try reader.string(), value: try reader.field(depth: 0))
        }
        let body = try part(in: lazy)
        let location = try location(paths: paths)
        let bodyLine = try signed()
        return Entity(
            id: EntityID(kind: kind, slug: slug), title: title, summary: summary, order: order,
            fields: fields, archivedBody: body, location: location, bodyLine: bodyLine)
    }

    mutating func field(depth: Int) throws -> FieldValue {
        guard depth < maximumFieldDepth else { throw Self.fail("fields nested too deeply") }
        switch try byte() {
        case 0: return .string(try string())
        case 1: return .integer(try signed())
        case 2: return .number(try double())
        case 3: return .bool(try bool())
        case 4: return .null
        case 5: return .list(try array { try $0.field(depth: depth + 1) })
        case 6:
            return .map(
                try array(minimumSize: 2) { reader in
                    (key: try reader.string(), value: try reader.field(depth: depth + 1))
                })
        default: throw Self.fail("unknown kind of field")
        }
    }

    mutating func location(paths: [String]) throws -> SourceLocation {
        let path = try natural()
        guard path < paths.count else { throw Self.fail("no such path") }
        return SourceLocation(
            path: paths[path], line: try natural(), column: try natural())
    }
}

/// Each path written once, numbered in the order first met.
struct PathTable {
    private(set) var names: [String] = []
    private var numbers: [String: Int] = [:]

    mutating func add(_ path: String) {
        guard numbers[path] == nil else { return }
        numbers[path] = names.count
        names.append(path)
    }

    func number(of path: String) -> Int { numbers[path] ?? 0 }
}
