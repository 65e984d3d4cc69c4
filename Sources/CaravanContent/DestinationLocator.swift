/// Finds where the destination of a link libcmark parsed is written, for a diagnostic's
/// line and column. libcmark says which links a body holds; its positions for inline
/// nodes are only a hint (a link over several lines is placed on its last line, and
/// columns drift in lists and quotes), so the destination is looked for in the text of
/// the paragraph that holds the link, or in a `[label]: destination` definition.
struct DestinationLocator {
    /// A place in the body: a line (1-based) and a byte offset in it.
    struct Position: Equatable {
        var line: Int
        var offset: Int
    }

    private struct Key: Hashable {
        var block: ClosedRange<Int>
        var destination: String
    }

    /// Where one destination is written in one block, and which places links have taken.
    private struct Places {
        var positions: [Position] = []
        var taken: [Bool] = []
        /// No place before this one is free.
        var firstFree = 0

        mutating func take(_ index: Int) {
            taken[index] = true
            while firstFree < taken.count, taken[firstFree] { firstFree += 1 }
        }
    }

    private let bytes: [UInt8]
    /// Where each line starts in `bytes`: line n starts at `lineStarts[n - 1]`.
    private let lineStarts: [Int]
    /// How many links of the outline have each block and destination.
    private let expected: [Key: Int]
    /// Destinations written `](destination` in each block read so far, by text, in order.
    private var written: [Key: Places] = [:]
    private var scannedBlocks: Set<ClosedRange<Int>> = []
    /// The first `[label]: destination` of each destination, read when first needed.
    private var definitions: [String: Position]?
    /// The last column worked out on a line, to count on from there.
    private var lastColumn: (line: Int, offset: Int, column: Int) = (0, 0, 1)

    init(body: String, links: [BodyOutline.LinkNode]) {
        bytes = Array(body.utf8)
        lineStarts = bytes.lineStarts
        var expected: [Key: Int] = [:]
        for link in links {
            expected[Key(block: link.block, destination: link.destination), default: 0] += 1
        }
        self.expected = expected
    }

    /// The line (1-based) and column (in characters, from 1) where a link's destination
    /// is written.
    mutating func place(of link: BodyOutline.LinkNode) -> (line: Int, column: Int) {
        let key = Key(block: link.block, destination: link.destination)
        if !scannedBlocks.contains(link.block) { scan(link.block) }
        let position: Position
        // Taken out while changed, so its arrays are not copied.
        if var places = written.removeValue(forKey: key),
            let index = choose(in: places, for: link, key: key)
        {
            places.take(index)
            position = places.positions[index]
            written[key] = places
        } else if let definition = definition(of: link.destination) {
            position = definition
        } else {
            let line = min(max(1, link.line), lineStarts.count)
            position = Position(line: line, offset: max(0, link.column - 1))
        }
        return (position.line, column(of: position))
    }

    /// Which written place a link is: in turn when there are as many places as links, or
    /// else the one nearest after where libcmark puts the link (some places are not links:
    /// escaped, or in code spans).
    private func choose(in places: Places, for link: BodyOutline.LinkNode, key: Key) -> Int? {
        let found = places.positions
        guard !found.isEmpty else { return nil }
        guard places.firstFree < found.count else { return found.count - 1 }
        if found.count == expected[key] { return places.firstFree }
        let hint = Position(line: link.line, offset: max(0, link.column - 1))
        let free = (places.firstFree..<found.count).lazy.filter { !places.taken[$0] }
        return free.first { found[$0].line == hint.line && found[$0].offset >= hint.offset }
            ?? free.first { found[$0].line == hint.line } ?? places.firstFree
    }

    // MARK: Reading the text

    private func lineEnd(_ line: Int) -> Int {
        line < lineStarts.count ? lineStarts[line] - 1 : bytes.count
    }

    private func position(at index: Int) -> Position {
        // The last line starting at or before the index.
        var low = 0
        var high = lineStarts.count
        while low + 1 < high {
            let middle = (low + high) / 2
            if lineStarts[middle] <= index { low = middle } else { high = middle }
        }
        return Position(line: low + 1, offset: index - lineStarts[low])
    }

    private func isBlank(_ byte: UInt8) -> Bool { byte == 0x20 || byte == 0x09 }

    /// After `start`: spaces and tabs, with at most one line break among them.
    private func skipSpace(from start: Int, end: Int) -> Int {
        var index = start
        var crossedLine = false
        while index < end {
            let byte = bytes[index]
            if isBlank(byte) || byte == 0x0D {
                index += 1
            } else if byte == 0x0A, !crossedLine {
                crossedLine = true
                index += 1
            } else {
                break
            }
        }
        return index
    }

    /// The destination starting at `start` (after an optional `<`): its text and where it
    /// starts.
    private func destination(from start: Int, end: Int) -> (text: String, start: Int)? {
        var index = start
        guard index < end else { return nil }
        let angled = bytes[index] == UInt8(ascii: "<")
        if angled { index += 1 }
        let first = index
        while index < end {
            let byte = bytes[index]
            if angled {
                if byte == UInt8(ascii: ">") || byte == 0x0A { break }
            } else if isBlank(byte) || byte == 0x0A || byte == 0x0D || byte == UInt8(ascii: ")") {
                break
            }
            index += 1
        }
        guard index > first else { return nil }
        return (String(decoding: bytes[first..<index], as: UTF8.self), first)
    }

    /// Reads every `](destination` in a block's lines.
    private mutating func scan(_ block: ClosedRange<Int>) {
        scannedBlocks.insert(block)
        guard block.lowerBound <= lineStarts.count else { return }
        let start = lineStarts[block.lowerBound - 1]
        let end = lineEnd(min(block.upperBound, lineStarts.count))
        var index = start
        while index + 1 < end {
            defer { index += 1 }
            guard bytes[index] == UInt8(ascii: "]"), bytes[index + 1] == UInt8(ascii: "(") else {
                continue
            }
            let after = skipSpace(from: index + 2, end: end)
            guard let found = destination(from: after, end: end) else { continue }
            var places =
                written.removeValue(forKey: Key(block: block, destination: found.text))
                ?? Places()
            places.positions.append(position(at: found.start))
            places.taken.append(false)
            written[Key(block: block, destination: found.text)] = places
        }
    }

    /// Where `[label]: destination` first defines a destination, anywhere in the body.
    private mutating func definition(of destination: String) -> Position? {
        if let definitions { return definitions[destination] }
        var found: [String: Position] = [:]
        var index = 0
        while index + 1 < bytes.count {
            defer { index += 1 }
            guard bytes[index] == UInt8(ascii: "]"), bytes[index + 1] == UInt8(ascii: ":") else {
                continue
            }
            let after = skipSpace(from: index + 2, end: bytes.count)
            guard let written = self.destination(from: after, end: bytes.count),
                found[written.text] == nil
            else { continue }
            found[written.text] = position(at: written.start)
        }
        definitions = found
        return found[destination]
    }

    /// The column (in characters, from 1) of a place, counted on from the last one worked
    /// out on the same line, so many links on one long line are counted in one pass.
    private mutating func column(of position: Position) -> Int {
        let lineStart = lineStarts[position.line - 1]
        let offset = min(position.offset, lineEnd(position.line) - lineStart)
        var from = (offset: 0, column: 1)
        if lastColumn.line == position.line, lastColumn.offset <= offset {
            from = (lastColumn.offset, lastColumn.column)
        }
        let slice = bytes[(lineStart + from.offset)..<(lineStart + offset)]
        let counted =
            slice.allSatisfy { $0 < 0x80 }
            ? slice.count : String(decoding: slice, as: UTF8.self).count
        let column = from.column + counted
        lastColumn = (position.line, offset, column)
        return column
    }
}
