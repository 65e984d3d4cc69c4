/// The precompiled model: content parsed, validated, linked and indexed once, in a compact
/// binary form read back with no YAML, Markdown or indexing work. The built-in paper is
/// compiled into the binary in this form, and a content folder's is kept as a cache
/// (``ModelCache``), mapped into memory when read.
///
/// Layout: a 32-byte header (magic, format version, the length of the eager part and its
/// checksum); the eager part, read at open: the program that wrote it, the cache key, the
/// stamps of the files it was made from, the model but for its entities' bodies, and
/// where the lazy parts are; then the lazy parts: each entity's body, read when first
/// asked for, and the search index, read on another thread. Each lazy part has its own
/// checksum, checked when it is read, so an open touches only the pages it needs.
/// Every length and offset is checked as it is read: a damaged, truncated or foreign
/// archive is refused whole, with no trap, and a lazy part that turns out damaged is
/// never trusted (``ArchiveBytes/reportDamage()``).
public enum ModelArchive {
    static let magic: [UInt8] = Array("CRVNMDL".utf8) + [0x1A]
    /// Raised whenever the layout or the meaning of a field changes.
    public static let formatVersion: UInt32 = 2
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
        var lazy = ArchiveWriter(capacity: 1 << 16)
        let bodies = model.entities.map { lazy.part(Array($0.body.utf8)) }
        let search = model.search
        let texts = search.ids.indices.map {
            lazy.part(ArchiveWriter.searchTexts(search.fieldTexts(of: $0)))
        }
        var index = ArchiveWriter(capacity: 1 << 16)
        index.searchIndex(search, texts: texts)
        let indexPart = lazy.part(index.bytes)

        var eager = ArchiveWriter(capacity: 1 << 16)
        eager.count(lazy.bytes.count)
        eager.string(origin.program)
        eager.string(origin.key)
        eager.array(origin.stamps) { $0.stamp($1) }
        eager.model(model, bodies: bodies)
        eager.part(indexPart)

        var out = ArchiveWriter(capacity: headerSize + eager.bytes.count + lazy.bytes.count)
        out.append(magic)
        for shift in stride(from: 0, to: 32, by: 8) {
            out.byte(UInt8(truncatingIfNeeded: formatVersion >> UInt32(shift)))
        }
        out.append([0, 0, 0, 0])
        out.fixed64(UInt64(eager.bytes.count))
        out.fixed64(ArchiveChecksum.of(eager.bytes))
        out.append(eager.bytes)
        out.append(lazy.bytes)
        return out.bytes
    }

    /// Reads where an archive came from, after checking its header and checksum.
    public static func origin(of bytes: [UInt8]) throws -> Origin {
        try bytes.withUnsafeBufferPointer { buffer in
            var reader = try checkedEagerPart(buffer)
            return try reader.origin()
        }
    }

    static func origin(of archive: ArchiveBytes) throws -> Origin {
        var reader = try checkedEagerPart(archive.buffer)
        return try reader.origin()
    }

    /// The model an archive holds, or why it is refused. `expecting` is checked first,
    /// when given: an archive from another program or of other content is refused.
    public static func decode(_ bytes: [UInt8], expecting: ((Origin) -> Bool)? = nil) throws
        -> ContentModel
    {
        try decode(ArchiveBytes(copying: bytes), expecting: expecting)
    }

    /// The model held by archived bytes, whose bodies and index are read from them later.
    static func decode(_ archive: ArchiveBytes, expecting: ((Origin) -> Bool)? = nil) throws
        -> ContentModel
    {
        var reader = try checkedEagerPart(archive.buffer)
        let origin = try reader.origin()
        if let expecting, !expecting(origin) {
            throw ArchiveReader.fail("made by another program or from other files")
        }
        let lazy = LazyParts(archive: archive, start: reader.end)
        let model = try reader.modelParts(in: lazy)
        let index = try reader.part(in: lazy)
        guard reader.isAtEnd else { throw ArchiveReader.fail("bytes after the model") }
        let entities = model.entities
        return ContentModel(
            sorted: entities, links: model.links, diagnostics: model.diagnostics,
            setup: model.setup,
            index: .archived { index.searchIndex(entities: entities, in: lazy) },
            linkEnds: model.linkEnds)
    }

    /// A reader of the eager part, once the header and its checksum are right and the lazy
    /// parts' length is what is left of the bytes. Offsets count from the archive's start.
    static func checkedEagerPart(_ buffer: UnsafeBufferPointer<UInt8>) throws -> ArchiveReader {
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
        guard length <= UInt64(buffer.count - headerSize) else {
            throw ArchiveReader.fail("ends early")
        }
        let eagerEnd = headerSize + Int(length)
        let eager = UnsafeBufferPointer(rebasing: buffer[0..<eagerEnd])
        guard ArchiveChecksum.of(UnsafeBufferPointer(rebasing: eager[headerSize...])) == checksum
        else {
            throw ArchiveReader.fail("checksum does not match")
        }
        var reader = ArchiveReader(eager, offset: headerSize)
        guard try reader.unsigned() == UInt64(buffer.count - eagerEnd) else {
            throw ArchiveReader.fail("length does not match")
        }
        return reader
    }
}

/// A lazily read part of an archive as the eager part gives it: where it starts, counted
/// from the first lazy part, its length and its checksum.
struct ArchivePart {
    var offset: Int
    var length: Int
    var checksum: UInt64
}

/// The lazy parts of an archive: from `start` (the end of the eager part) to its end.
struct LazyParts: Sendable {
    let archive: ArchiveBytes
    let start: Int
}

extension ArchiveWriter {
    /// Appends `bytes` as a lazy part and says where it is.
    mutating func part(_ bytes: [UInt8]) -> ArchivePart {
        let part = ArchivePart(
            offset: self.bytes.count, length: bytes.count, checksum: ArchiveChecksum.of(bytes))
        append(bytes)
        return part
    }

    mutating func part(_ part: ArchivePart) {
        count(part.offset)
        count(part.length)
        fixed64(part.checksum)
    }
}

extension ArchiveReader {
    /// One of the lazy parts, refused when it does not lie wholly among them.
    mutating func part(in lazy: LazyParts) throws -> ArchivedSlice {
        let offset = try unsigned()
        let length = try unsigned()
        let checksum = try fixed64()
        let available = UInt64(max(0, lazy.archive.count - lazy.start))
        guard offset <= available, length <= available - offset else {
            throw Self.fail("a part outside the archive")
        }
        let start = lazy.start + Int(offset)
        return ArchivedSlice(
            archive: lazy.archive, range: start..<start + Int(length), checksum: checksum)
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
