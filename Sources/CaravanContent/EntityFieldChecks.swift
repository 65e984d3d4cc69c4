import Foundation
import Yams

/// Each front-matter field checked against its shape (``FieldShape``), the links it
/// states collected, and YAML nodes turned into ``FieldValue``s.
extension EntityFileParser {
    mutating func check(
        field: String, value node: Node, kind: EntityKind, source: EntityID,
        links: inout [PendingLink]
    ) {
        let location = at(node.mark)
        switch FieldShape.of(field, kind: kind) {
        case .text:
            if node.scalar == nil || (node.scalar?.string.isEmpty ?? true) && field != "summary" {
                log.error("`\(field)` must be text", at: location)
            }
        case .integer:
            if Self.integer(node) == nil {
                log.error("`\(field)` must be a whole number", at: location)
            }
        case .date:
            if !Self.isCalendarDate(node.scalar?.string ?? "") {
                log.error("`\(field)` must be a date written YYYY-MM-DD", at: location)
            }
        case .textList:
            checkTextList(field, node)
        case .textOrTextList:
            if node.scalar == nil { checkTextList(field, node) }
        case .link(let type):
            guard let text = node.scalar?.string else {
                log.error("`\(field)` must be one id", at: location)
                return
            }
            links.append(
                PendingLink(
                    source: source, type: type, target: .id(text), reversed: false,
                    location: location))
        case .links(let type), .inverseLinks(let type):
            var reversed = false
            if case .inverseLinks = FieldShape.of(field, kind: kind) { reversed = true }
            for item in listItems(field, node) {
                guard let text = item.scalar?.string else {
                    log.error("`\(field)` must list ids", at: at(item.mark))
                    continue
                }
                links.append(
                    PendingLink(
                        source: source, type: type, target: .id(text), reversed: reversed,
                        location: at(item.mark)))
            }
        case .records(let required, let optional):
            checkRecords(
                field, node, required: required, optional: optional, source: source, links: &links)
        case .paperAuthors:
            checkRecords(
                field, node, required: ["name"],
                optional: ["affiliations", "email", "corresponding"],
                source: source, links: &links)
        case .languageNames:
            checkNames(node)
        case .code:
            if !(node.scalar.map { FrameworkCodes.isValid($0.string) } ?? false) {
                log.error(
                    "`code` must be one to eight letters, digits, `.` or `-`, such as `H2` or `PP`",
                    at: location)
            }
        case .any:
            break
        }
    }

    /// `node.int`, except for text with colons: Yams reads `1:2:3:4:5:6:7:8:9:10:11:12` as
    /// base 60 and traps when that overflows.
    static func integer(_ node: Node) -> Int? {
        guard let text = node.scalar?.string, !text.contains(":") else { return nil }
        return node.int
    }

    /// Whether text matches `^[-+]?\d+$` (as NSRegularExpression reads it), without
    /// compiling the expression for the common case of ASCII text on one line.
    static func looksLikeInteger(_ text: String) -> Bool {
        let bytes = text.utf8
        if bytes.allSatisfy({ $0 < 0x80 && $0 != 0x0A && $0 != 0x0D }) {
            let digits =
                bytes.first == UInt8(ascii: "-") || bytes.first == UInt8(ascii: "+")
                ? bytes.dropFirst() : bytes[...]
            return !digits.isEmpty && digits.allSatisfy { $0 >= 0x30 && $0 <= 0x39 }
        }
        return text.range(of: #"^[-+]?\d+$"#, options: .regularExpression) != nil
    }

    /// Whether text matches `^\d{4}-\d{2}-\d{2}$` closely enough for a date: in ASCII,
    /// exactly that, read from the bytes; other text by the expression. (In ASCII the
    /// expression also matches before a final line break, which no date survives.)
    static func looksLikeDate(_ text: String) -> Bool {
        let bytes = text.utf8
        guard bytes.allSatisfy({ $0 < 0x80 }) else {
            return text.range(of: #"^\d{4}-\d{2}-\d{2}$"#, options: .regularExpression) != nil
        }
        guard bytes.count == 10 else { return false }
        return bytes.enumerated().allSatisfy { offset, byte in
            offset == 4 || offset == 7 ? byte == UInt8(ascii: "-") : (0x30...0x39).contains(byte)
        }
    }

    /// `YYYY-MM-DD` naming a day that exists (29 February only in leap years).
    static func isCalendarDate(_ text: String) -> Bool {
        guard looksLikeDate(text) else { return false }
        let parts = text.split(separator: "-").compactMap { Int($0) }
        guard parts.count == 3, (1...12).contains(parts[1]) else { return false }
        let year = parts[0]
        let leap = year % 4 == 0 && (year % 100 != 0 || year % 400 == 0)
        let days = [31, leap ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31][parts[1] - 1]
        return (1...days).contains(parts[2])
    }

    mutating func listItems(_ field: String, _ node: Node) -> [Node] {
        switch node {
        case .sequence(let sequence): return Array(sequence)
        case .scalar: return [node]
        default:
            log.error("`\(field)` must be a list", at: at(node.mark))
            return []
        }
    }

    mutating func checkTextList(_ field: String, _ node: Node) {
        guard case .sequence(let sequence) = node else {
            log.error("`\(field)` must be a list of text items", at: at(node.mark))
            return
        }
        for item in sequence where item.scalar == nil {
            log.error("`\(field)` items must be text", at: at(item.mark))
        }
    }

    mutating func checkRecords(
        _ field: String, _ node: Node, required: [String], optional: [String], source: EntityID,
        links: inout [PendingLink]
    ) {
        guard case .sequence(let sequence) = node else {
            log.error("`\(field)` must be a list of entries", at: at(node.mark))
            return
        }
        for item in sequence {
            guard case .mapping(let record) = item else {
                log.error(
                    "each `\(field)` entry needs \(required.map { "`\($0)`" }.joined(separator: ", "))",
                    at: at(item.mark))
                continue
            }
            var seen: Set<String> = []
            for (keyNode, valueNode) in record {
                let key = keyNode.scalar?.string ?? ""
                seen.insert(key)
                guard required.contains(key) || optional.contains(key) else {
                    log.error(
                        "unknown key `\(key)` in `\(field)`", at: at(keyNode.mark),
                        suggestion: Suggestion.didYouMean(key, among: required + optional))
                    continue
                }
                if let type = FieldShape.recordLink(field: field, key: key) {
                    if let text = valueNode.scalar?.string {
                        links.append(
                            PendingLink(
                                source: source, type: type, target: .id(text), reversed: false,
                                location: at(valueNode.mark)))
                    } else {
                        log.error("`\(key)` in `\(field)` must be one id", at: at(valueNode.mark))
                    }
                }
                if field == "quotes", key == "text", let quote = valueNode.scalar?.string {
                    let words = quote.split { $0 == " " || $0 == "\n" }.count
                    if words > 12 {
                        log.warning(
                            "quote of \(words) words; quote short phrases (at most about ten words) and summarise the rest",
                            at: at(valueNode.mark))
                    }
                }
            }
            for key in required where !seen.contains(key) {
                log.error("`\(field)` entry is missing `\(key)`", at: at(item.mark))
            }
        }
    }

    // MARK: YAML nodes to values

    mutating func value(of node: Node) -> FieldValue {
        guard nodeBudget > 0 else { return .null }
        nodeBudget -= 1
        if nodeBudget == 0 {
            log.error("front matter is too large or too deeply aliased", at: at(node.mark))
        }
        switch node {
        case .scalar(let scalar):
            if scalar.style == .plain {
                // The text is checked first: it is cheap, and Yams resolves tags slowly.
                if Self.looksLikeInteger(scalar.string), let int = Self.integer(node) {
                    return .integer(int)
                }
                if ["true", "false"].contains(scalar.string), let bool = node.bool {
                    return .bool(bool)
                }
                if ["", "~", "null"].contains(scalar.string), node.null != nil { return .null }
            }
            return .string(scalar.string)
        case .sequence(let sequence):
            var items: [FieldValue] = []
            for item in sequence { items.append(value(of: item)) }
            return .list(items)
        case .mapping(let mapping):
            var entries: [(key: String, value: FieldValue)] = []
            for (key, value) in mapping {
                entries.append((key.scalar?.string ?? "", self.value(of: value)))
            }
            return .map(entries)
        case .alias:
            return .null
        }
    }
}
