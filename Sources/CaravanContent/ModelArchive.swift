/// The precompiled model: content parsed, validated, linked and indexed once, in a compact
/// binary form read back with no YAML, Markdown or indexing work. The built-in paper is
/// compiled into the binary in this form, and a content folder's is kept as a cache
/// (``ModelCache``).
///
/// Layout: a 32-byte header (magic, format version, body length, checksum of the body),
/// then the body: the program that wrote it, the cache key, the stamps of the files it
/// was made from, the model, and last the search index, which is read on another thread.
/// Every length and offset is checked as it is read: a damaged, truncated or foreign
/// archive is refused whole, with no trap.
public enum ModelArchive {
    static let magic: [UInt8] = Array("CRVNMDL".utf8) + [0x1A]
    /// Raised whenever the layout or the meaning of a field changes.
    public static let formatVersion: UInt32 = 1
    static let headerSize = 32

    /// What an archive says about where it came from, checked before its model is used.
    public struct Origin: Sendable, Hashable {
        /// The program that wrote it: its version and build.
        public var program: String
        /// What content it holds: the layers asked for, as ``ModelCache`` names them.
        public var key: String
        /// The files and folders it was made from, as they were.
        public var stamps: [FileStamp]

        public init(program: String, key: String, stamps: [FileStamp]) {
            self.program = program
            self.key = key
            self.stamps = stamps
        }
    }

    /// The model in its binary form, with where it came from.
    public static func encode(_ model: ContentModel, origin: Origin) -> [UInt8] {
        var body = ArchiveWriter(capacity: 1 << 16)
        body.string(origin.program)
        body.string(origin.key)
        body.array(origin.stamps) { $0.stamp($1) }
        body.model(model)
        // The index last, so the model can be read without it.
        body.searchIndex(model.search)
        var out = ArchiveWriter(capacity: headerSize + body.bytes.count)
        out.append(magic)
        for shift in stride(from: 0, to: 32, by: 8) {
            out.byte(UInt8(truncatingIfNeeded: formatVersion >> UInt32(shift)))
        }
        out.append([0, 0, 0, 0])
        out.fixed64(UInt64(body.bytes.count))
        out.fixed64(ArchiveChecksum.of(body.bytes))
        out.append(body.bytes)
        return out.bytes
    }

    /// Reads where an archive came from, after checking its header and checksum.
    public static func origin(of bytes: [UInt8]) throws -> Origin {
        try bytes.withUnsafeBufferPointer { buffer in
            var reader = try checkedBody(buffer)
            return try reader.origin()
        }
    }

    /// The model an archive holds, or why it is refused. `expecting` is checked first,
    /// when given: an archive from another program or of other content is refused.
    public static func decode(_ bytes: [UInt8], expecting: ((Origin) -> Bool)? = nil) throws
        -> ContentModel
    {
        let storage = ArchiveStorage(bytes)
        let (model, indexOffset) = try bytes.withUnsafeBufferPointer { buffer in
            var reader = try checkedBody(buffer)
            let origin = try reader.origin()
            if let expecting, !expecting(origin) {
                throw ArchiveReader.fail("made by another program or from other files")
            }
            let parts = try reader.modelParts()
            return (parts, reader.offset)
        }
        let entities = model.entities
        return ContentModel(
            sorted: entities, links: model.links, diagnostics: model.diagnostics,
            setup: model.setup,
            index: .archived { storage.searchIndex(at: indexOffset, entities: entities) })
    }

    /// A reader at the start of the body, once the header and checksum are right.
    static func checkedBody(_ buffer: UnsafeBufferPointer<UInt8>) throws -> ArchiveReader {
        guard buffer.count >= headerSize, Array(buffer[0..<8]) == magic else {
            throw ArchiveReader.fail("not a Caravan model")
        }
        var header = ArchiveReader(buffer, offset: 8)
        var version: UInt32 = 0
        for shift in 0..<4 { version |= UInt32(try header.byte()) << UInt32(shift * 8) }
        guard version == formatVersion else {
            throw ArchiveReader.fail("format \(version), not \(formatVersion)")
        }
        _ = try header.raw(4)
        let length = try header.fixed64()
        let checksum = try header.fixed64()
        guard length == UInt64(buffer.count - headerSize) else {
            throw ArchiveReader.fail("length does not match")
        }
        let body = UnsafeBufferPointer(rebasing: buffer[headerSize...])
        guard ArchiveChecksum.of(body) == checksum else {
            throw ArchiveReader.fail("checksum does not match")
        }
        return ArchiveReader(buffer, offset: headerSize)
    }
}

/// A file or folder as it was when a model was made from it: a folder's stamp changes
/// when a file is added to it or taken away, a file's when it is written.
public struct FileStamp: Sendable, Hashable {
    public var path: String
    public var size: UInt64
    /// Nanoseconds since 1970.
    public var modified: Int
    public var isFolder: Bool

    public init(path: String, size: UInt64, modified: Int, isFolder: Bool) {
        self.path = path
        self.size = size
        self.modified = modified
        self.isFolder = isFolder
    }
}

/// The bytes of an archive, kept until its search index has been read from them.
final class ArchiveStorage: @unchecked Sendable {
    private let bytes: [UInt8]

    init(_ bytes: [UInt8]) { self.bytes = bytes }

    /// The index stored at `offset`; built afresh from the entities should it not read
    /// (the checksum has passed, so only a writer's bug could make it fail).
    func searchIndex(at offset: Int, entities: [Entity]) -> SearchIndex {
        let read = bytes.withUnsafeBufferPointer { buffer -> SearchIndex? in
            var reader = ArchiveReader(buffer, offset: offset)
            return try? reader.searchIndex(entities: entities)
        }
        return read ?? SearchIndex(entities: entities)
    }
}

extension ArchiveWriter {
    mutating func stamp(_ stamp: FileStamp) {
        string(stamp.path)
        unsigned(stamp.size)
        signed(stamp.modified)
        bool(stamp.isFolder)
    }
}

extension ArchiveReader {
    mutating func origin() throws -> ModelArchive.Origin {
        let program = try string()
        let key = try string()
        let stamps = try array(minimumSize: 4) { reader in
            FileStamp(
                path: try reader.string(), size: try reader.unsigned(),
                modified: try reader.signed(), isFolder: try reader.bool())
        }
        return ModelArchive.Origin(program: program, key: key, stamps: stamps)
    }
}

extension ModelArchive {
    /// Source files in the archive's primitives: the built-in paper's Markdown, compiled
    /// in beside its model for `caravan check` and for folders that extend it.
    public static func encode(files: [SourceFile]) -> [UInt8] {
        var writer = ArchiveWriter()
        writer.array(files) { writer, file in
            writer.string(file.path)
            writer.count(file.bytes.count)
            writer.append(file.bytes)
        }
        return writer.bytes
    }

    public static func decodeFiles(_ bytes: [UInt8]) throws -> [SourceFile] {
        try bytes.withUnsafeBufferPointer { buffer in
            var reader = ArchiveReader(buffer)
            let files = try reader.array(minimumSize: 2) { reader in
                SourceFile(
                    path: try reader.string(), bytes: Array(try reader.raw(try reader.count())))
            }
            guard reader.isAtEnd else { throw ArchiveReader.fail("bytes after the files") }
            return files
        }
    }
}
