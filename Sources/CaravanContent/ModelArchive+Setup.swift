/// What the layers declared, in the archive: the words for kinds, the fields they need,
/// the regions of the atlas, and the layers themselves with their `caravan.yaml`.
extension ArchiveWriter {
    mutating func setup(_ setup: ContentLoader.ContentSetup, paths: PathTable) {
        vocabulary(setup.vocabulary)
        array(setup.regions.regions) { $0.region($1, paths: paths) }
        array(setup.layers) { writer, layer in
            switch layer.source {
            case .builtin: writer.byte(0)
            case .folder(let path):
                writer.byte(1)
                writer.string(path)
            case .file(let path):
                writer.byte(2)
                writer.string(path)
            }
            writer.string(layer.displayPath)
            writer.optional(layer.realPath) { $0.string($1) }
            writer.optional(layer.manifest) { writer, manifest in
                writer.array(manifest.extends) { writer, extended in
                    writer.string(extended.target)
                    writer.location(extended.location, paths: paths)
                }
                writer.vocabulary(manifest.vocabulary)
                writer.array(manifest.regions) { $0.region($1, paths: paths) }
            }
        }
    }

    mutating func vocabulary(_ vocabulary: Vocabulary) {
        let terms = vocabulary.declared.sorted { $0.key < $1.key }
        array(terms) { writer, entry in
            writer.byte(UInt8(EntityKind.allCases.firstIndex(of: entry.key) ?? 0))
            writer.string(entry.value.singular)
            writer.string(entry.value.plural)
            writer.string(entry.value.label)
        }
        let required = vocabulary.declaredRequirements.sorted { $0.key < $1.key }
        array(required) { writer, entry in
            writer.byte(UInt8(EntityKind.allCases.firstIndex(of: entry.key) ?? 0))
            writer.array(entry.value) { $0.string($1) }
        }
    }

    mutating func region(_ region: RegionCatalog.Region, paths: PathTable) {
        string(region.name)
        optional(region.placement) { writer, placement in
            writer.signed(placement.column)
            writer.signed(placement.row)
        }
        optional(region.declaredAt) { $0.location($1, paths: paths) }
    }
}

extension ArchiveReader {
    mutating func setup(paths: [String]) throws -> ContentLoader.ContentSetup {
        var setup = ContentLoader.ContentSetup()
        setup.vocabulary = try vocabulary()
        setup.regions = RegionCatalog(
            regions: try array(minimumSize: 3) { try $0.region(paths: paths) })
        setup.layers = try array(minimumSize: 4) { reader -> ContentLayer in
            let source: ContentSource
            switch try reader.byte() {
            case 0: source = .builtin
            case 1: source = .folder(try reader.string())
            case 2: source = .file(try reader.string())
            default: throw Self.fail("unknown kind of layer")
            }
            var layer = ContentLayer(
                source: source, displayPath: try reader.string(),
                realPath: try reader.optional { try $0.string() })
            layer.manifest = try reader.optional { reader in
                var manifest = ContentManifest()
                manifest.extends = try reader.array(minimumSize: 2) { reader in
                    ContentManifest.Extension(
                        target: try reader.string(), location: try reader.location(paths: paths))
                }
                manifest.vocabulary = try reader.vocabulary()
                manifest.regions = try reader.array(minimumSize: 3) { try $0.region(paths: paths) }
                return manifest
            }
            return layer
        }
        return setup
    }

    mutating func vocabulary() throws -> Vocabulary {
        var vocabulary = Vocabulary()
        for _ in 0..<(try count(minimumSize: 4)) {
            let kind = try oneOf(EntityKind.self)
            vocabulary.declare(
                Vocabulary.Term(
                    singular: try string(), plural: try string(), label: try string()),
                for: kind)
        }
        for _ in 0..<(try count(minimumSize: 2)) {
            let kind = try oneOf(EntityKind.self)
            vocabulary.require(try array { try $0.string() }, of: kind)
        }
        return vocabulary
    }

    mutating func region(paths: [String]) throws -> RegionCatalog.Region {
        let name = try string()
        let placement = try optional { reader in
            RegionCatalog.Placement(column: try reader.signed(), row: try reader.signed())
        }
        let declaredAt = try optional { try $0.location(paths: paths) }
        return RegionCatalog.Region(name: name, placement: placement, declaredAt: declaredAt)
    }
}

extension PathTable {
    /// The paths the layers' declarations name.
    mutating func collect(_ setup: ContentLoader.ContentSetup) {
        for region in setup.regions.regions {
            if let path = region.declaredAt?.path { add(path) }
        }
        for layer in setup.layers {
            guard let manifest = layer.manifest else { continue }
            for extended in manifest.extends { add(extended.location.path) }
            for region in manifest.regions {
                if let path = region.declaredAt?.path { add(path) }
            }
        }
    }
}
