import Yams

/// Composes front matter into YAML nodes as `Yams.compose` does with its default rules,
/// without paying for those rules where they cannot change the outcome.
///
/// Yams looks for keys written twice by comparing each mapping's keys by text and by the
/// tag its rules resolve, and resolving a tag tries a list of regular expressions. Field
/// names are plain words, so the front matter is first composed with no rules, which
/// makes every plain key text. That result is kept only when it must equal the default
/// one: no error, no alias (an alias shares a node, and so its resolved tag, between a
/// key and a value), and in every mapping keys that are distinct text, which no tag can
/// make equal. Otherwise the front matter is composed again with the default rules, and
/// that answer, error or node, is the one used.
enum FrontMatterYAML {
    static func compose(_ yaml: String) throws -> Node? {
        if !yaml.utf8.contains(UInt8(ascii: "*")),
            let node = try? Yams.compose(yaml: yaml, .basic, constructor, YAMLEncoding.chosen),
            keysAreDistinctText(node)
        {
            return node
        }
        return try Yams.compose(yaml: yaml, .default, constructor, YAMLEncoding.chosen)
    }

    /// Yams's default constructor, made once: `Constructor.default` builds its tables
    /// anew on every call. It holds only those tables, never changed once made, so every
    /// thread can share it.
    nonisolated(unsafe) static let constructor = Constructor.default

    /// Whether every mapping's keys are scalars with different text.
    static func keysAreDistinctText(_ root: Node) -> Bool {
        var pending = [root]
        while let node = pending.popLast() {
            switch node {
            case .scalar, .alias:
                continue
            case .sequence(let sequence):
                pending.append(contentsOf: sequence)
            case .mapping(let mapping):
                var keys: Set<String> = []
                for (key, value) in mapping {
                    guard case .scalar(let scalar) = key, keys.insert(scalar.string).inserted
                    else { return false }
                    pending.append(value)
                }
            }
        }
        return true
    }
}

/// What a YAML error says, in the words diagnostics use, and where it was found (nil
/// when Yams gives no place).
struct YAMLProblem {
    var message: String
    var mark: Mark?

    init(_ error: YamlError) {
        switch error {
        case .scanner(_, let problem, let mark, _), .parser(_, let problem, let mark, _),
            .composer(_, let problem, let mark, _):
            (message, self.mark) = ("malformed YAML: \(problem)", mark)
        case .duplicatedKeysInMapping(let duplicates, let context):
            (message, mark) = (
                "field written twice: \(duplicates.joined(separator: ", "))", context.mark
            )
        case .reader(let problem, _, _, _):
            (message, mark) = ("malformed YAML: \(problem)", nil)
        default:
            (message, mark) = ("malformed YAML", nil)
        }
    }
}

/// Yams's default encoding, which it works out (reading the environment) on every call.
enum YAMLEncoding {
    static let isUTF8 = Parser.Encoding.default == .utf8
    static var chosen: Parser.Encoding { isUTF8 ? .utf8 : .utf16 }
}
