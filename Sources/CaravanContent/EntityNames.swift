import Foundation
import Yams

/// An entity's name in another language, as written under `names`.
public struct LocalizedName: Sendable, Hashable {
    /// A BCP 47 language tag: `zh`, `zh-Hant`, `ja`, `sw`.
    public var language: String
    public var text: String

    public init(language: String, text: String) {
        self.language = language
        self.text = text
    }
}

extension Entity {
    /// Its names in other languages, in the order written: `names: {zh: 文化产业}`.
    public var names: [LocalizedName] {
        guard case .map(let entries) = field("names") else { return [] }
        return entries.compactMap { entry in
            guard let text = entry.value.text, !text.isEmpty,
                LanguageTag.isWellFormed(entry.key)
            else { return nil }
            return LocalizedName(language: entry.key, text: text)
        }
    }

    /// "文化产业 (zh); 文化産業 (ja)", or nil without names: how a page lists them.
    public var namesLine: String? {
        let names = names
        guard !names.isEmpty else { return nil }
        return names.map { "\($0.text) (\($0.language))" }.joined(separator: "; ")
    }

    /// The countries a case names, one or several.
    public var countries: [String] {
        strings("country").filter { !$0.trimmingCharacters(in: .whitespaces).isEmpty }
    }
}

/// Language tags as BCP 47 writes them, checked for their shape: a language of two or
/// three letters (or `x-` for a private one), then subtags of one to eight letters or
/// digits (`zh-Hant`, `zh-Latn-pinyin`, `pt-BR`, `es-419`). Whether a subtag is
/// registered is not checked.
public enum LanguageTag {
    public static func isWellFormed(_ tag: String) -> Bool {
        let parts = tag.split(separator: "-", omittingEmptySubsequences: false)
        guard let language = parts.first, !tag.isEmpty, tag.count <= 35 else { return false }
        let isAlphanumeric = { (part: Substring) in
            (1...8).contains(part.count)
                && part.allSatisfy { $0.isASCII && ($0.isLetter || $0.isNumber) }
        }
        if language == "x" || language == "X" {
            return parts.count > 1 && parts.dropFirst().allSatisfy(isAlphanumeric)
        }
        guard (2...3).contains(language.count), language.allSatisfy({ $0.isASCII && $0.isLetter })
        else { return false }
        return parts.dropFirst().allSatisfy(isAlphanumeric)
    }

    /// The tag for a language written out in English (`chinese` to `zh`), for a hint.
    static func tag(forName name: String) -> String? {
        let known = [
            "chinese": "zh", "mandarin": "zh", "japanese": "ja", "korean": "ko",
            "english": "en", "french": "fr", "german": "de", "spanish": "es",
            "russian": "ru", "arabic": "ar", "portuguese": "pt", "swahili": "sw",
            "hindi": "hi", "turkish": "tr", "persian": "fa", "italian": "it",
            "kazakh": "kk", "uzbek": "uz", "mongolian": "mn", "vietnamese": "vi",
            "thai": "th", "indonesian": "id", "malay": "ms", "lao": "lo", "amharic": "am",
            "pinyin": "zh-Latn-pinyin",
        ]
        return known[name.lowercased()]
    }
}

extension EntityFileParser {
    /// `names`: a map from language tags to one name each.
    mutating func checkNames(_ node: Node) {
        guard case .mapping(let mapping) = node else {
            log.error(
                "`names` maps language tags to names, e.g. `names: {zh: 文化产业}`",
                at: at(node.mark))
            return
        }
        for (keyNode, valueNode) in mapping {
            let tag = keyNode.scalar?.string ?? ""
            if !LanguageTag.isWellFormed(tag) {
                log.error(
                    "`names`: `\(tag)` is not a language tag; write one such as `zh`, `zh-Hant` or `ja`",
                    at: at(keyNode.mark),
                    suggestion: LanguageTag.tag(forName: tag).map { "did you mean `\($0)`?" })
            }
            let name = valueNode.scalar?.string.trimmingCharacters(in: .whitespaces) ?? ""
            if name.isEmpty {
                log.error("`names.\(tag)` must be a name, as text", at: at(valueNode.mark))
            }
        }
    }
}
