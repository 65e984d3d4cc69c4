/// The search index in the archive: the sorted words, each word's postings as entity
/// numbers counted from the one before, and where each entity's searchable texts are.
/// The texts are lazy parts of their own, read when a snippet or a check needs them, so
/// reading the index reads the words and postings only.
extension ArchiveWriter {
    /// The index, whose entities' texts were written as the lazy parts `texts`.
    mutating func searchIndex(_ index: SearchIndex, texts: [ArchivePart]) {
        count(texts.count)
        for part in texts { self.part(part) }
        array(index.vocabulary) { $0.string($1) }
        for postings in index.postings {
            count(postings.count)
            var previous: Int32 = 0
            for posting in postings {
                signed(Int(posting.entity) - Int(previous))
                byte(posting.field)
                previous = posting.entity
            }
        }
    }

    /// One entity's searchable texts, as a lazy part.
    static func searchTexts(_ texts: [String]) -> [UInt8] {
        var writer = ArchiveWriter()
        writer.array(texts) { $0.string($1) }
        return writer.bytes
    }
}

extension ArchiveReader {
    /// The index of a model whose entities were read already, checked against them.
    mutating func searchIndex(entities: [Entity], in lazy: LazyParts) throws -> SearchIndex {
        let entityCount = entities.count
        guard try count(minimumSize: 10) == entityCount else {
            throw Self.fail("index of other entities")
        }
        var texts: [ArchivedSlice] = []
        texts.reserveCapacity(entityCount)
        for _ in 0..<entityCount { texts.append(try part(in: lazy)) }
        let vocabulary = try array { try $0.string() }
        let fieldCount = UInt8(SearchIndex.Field.allCases.count)
        var postings: [[SearchIndex.Posting]] = []
        postings.reserveCapacity(vocabulary.count)
        for _ in vocabulary {
            let count = try count(minimumSize: 2)
            var list: [SearchIndex.Posting] = []
            list.reserveCapacity(count)
            var entity = 0
            for _ in 0..<count {
                let (next, overflow) = entity.addingReportingOverflow(try signed())
                entity = next
                let field = try byte()
                guard !overflow, entity >= 0, entity < entityCount, field < fieldCount else {
                    throw Self.fail("posting to no entity")
                }
                list.append(SearchIndex.Posting(entity: Int32(entity), field: field))
            }
            postings.append(list)
        }
        return SearchIndex(
            ids: entities.map(\.id), texts: ArchivedSearchTexts(texts), vocabulary: vocabulary,
            postings: postings)
    }
}

extension ArchivedSlice {
    /// The index of a model whose entities were read already, when this part holds it
    /// whole; else (the damage reported) built afresh from the entities.
    func searchIndex(entities: [Entity], in lazy: LazyParts) -> SearchIndex {
        let read = withCheckedBytes { bytes -> SearchIndex? in
            var reader = ArchiveReader(bytes)
            guard let index = try? reader.searchIndex(entities: entities, in: lazy),
                reader.isAtEnd
            else { return nil }
            return index
        }
        return read ?? SearchIndex(entities: entities)
    }
}

/// Each entity's searchable texts, left in the archive and read (and checked) each time
/// they are asked for: a snippet reads the few texts it shows, and the texts are not
/// kept in memory beside the bodies they repeat.
final class ArchivedSearchTexts: Sendable {
    private let parts: [ArchivedSlice]

    init(_ parts: [ArchivedSlice]) { self.parts = parts }

    /// The fields an entity's texts are kept for: all but the reader's notes.
    private static let indexedFields = SearchIndex.Field.allCases.filter { $0 != .note }.count

    /// One entity's texts, by field; empty texts when its part is damaged (reported).
    func texts(of entity: Int) -> [String] {
        let empty = Array(repeating: "", count: Self.indexedFields)
        guard parts.indices.contains(entity) else { return empty }
        let read = parts[entity].withCheckedBytes { bytes -> [String]? in
            var reader = ArchiveReader(bytes)
            guard let texts = try? reader.array(minimumSize: 1, { try $0.string() }),
                reader.isAtEnd, texts.count == empty.count
            else { return nil }
            return texts
        }
        return read ?? empty
    }
}
