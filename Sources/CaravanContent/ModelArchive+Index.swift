/// The search index in the archive: each entity's searchable texts, the sorted words,
/// and each word's postings as entity numbers counted from the one before.
extension ArchiveWriter {
    mutating func searchIndex(_ index: SearchIndex) {
        count(index.texts.count)
        for fields in index.texts { array(fields) { $0.string($1) } }
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
}

extension ArchiveReader {
    /// The index of a model whose entities were read already, checked against them.
    mutating func searchIndex(entities: [Entity]) throws -> SearchIndex {
        let entityCount = entities.count
        guard try count() == entityCount else { throw Self.fail("index of other entities") }
        var texts: [[String]] = []
        texts.reserveCapacity(entityCount)
        for _ in 0..<entityCount { texts.append(try array { try $0.string() }) }
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
            ids: entities.map(\.id), texts: texts, vocabulary: vocabulary, postings: postings)
    }
}
