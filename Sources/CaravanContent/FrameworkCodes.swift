/// Short codes for the framework's parts and mechanisms.
///
/// An author may give any of them a `code:`; the rest are made so that no two codes are
/// the same, in any case, and stay short. A connotation's code is letters only: the
/// first letter of its title (`H` for "Humanistic"), or when that is taken the initials
/// of its first words or its first two letters (`FI` for "Financial integration" beside
/// "Facilities"), then any free letter. Its mechanisms add a number (`H2`), their parts a
/// letter (`H2a`), deeper parts `.1`. Since a connotation's own code has no digits, a
/// mechanism's code never reads as another connotation's (no `C4` beside `C41`); a
/// number or letter already taken by an author's code is skipped.
struct FrameworkCodes {
    /// Codes given so far, by entity.
    private(set) var assigned: [EntityID: String] = [:]
    /// Every code given or declared, upper-cased.
    private var used: Set<String> = []
    /// Codes authors wrote, by entity (the first of two equal ones only: the second is
    /// an error, and gets a code of its own).
    private var declared: [EntityID: String] = [:]

    /// A code as an author may write it: one to eight letters, digits, `.` or `-`,
    /// starting with a letter or a digit.
    static func isValid(_ code: String) -> Bool {
        guard let first = code.first, (1...8).contains(code.count),
            first.isASCII, first.isLetter || first.isNumber
        else { return false }
        return code.allSatisfy {
            $0.isASCII && ($0.isLetter || $0.isNumber || $0 == "." || $0 == "-")
        }
    }

    init(declared entities: [Entity]) {
        for entity in entities {
            guard let code = entity.string("code"), FrameworkCodes.isValid(code) else { continue }
            if used.insert(code.uppercased()).inserted { declared[entity.id] = code }
        }
    }

    mutating func assignConnotation(_ entity: Entity) -> String {
        if let code = declared[entity.id] { return take(code, for: entity.id) }
        let code =
            FrameworkCodes.connotationCandidates(entity.title).first {
                !used.contains($0.uppercased())
            } ?? entity.id.slug
        return take(code, for: entity.id)
    }

    mutating func assignMechanism(_ entity: Entity, base: String, depth: Int, place: Int)
        -> String
    {
        if let code = declared[entity.id] { return take(code, for: entity.id) }
        var index = place
        while true {
            let code = base + FrameworkCodes.suffix(index, depth: depth)
            if !used.contains(code.uppercased()) { return take(code, for: entity.id) }
            index += 1
        }
    }

    private mutating func take(_ code: String, for id: EntityID) -> String {
        used.insert(code.uppercased())
        assigned[id] = code
        return code
    }

    /// The codes to try for a connotation, best first: all letters, never digits.
    static func connotationCandidates(_ title: String) -> [String] {
        let words = title.split(whereSeparator: \.isWhitespace).map { word in
            word.filter { $0.isASCII && $0.isLetter }.uppercased()
        }.filter { !$0.isEmpty }
        let letters = words.joined()
        var candidates: [String] = []
        // A set beside the list: with the 700 two-letter codes, `contains` on the list
        // made this quadratic (about 1.5 ms a connotation when opening content).
        var seen: Set<String> = []
        func add(_ code: String) {
            if !code.isEmpty, seen.insert(code).inserted { candidates.append(code) }
        }
        if let first = letters.first { add(String(first)) }
        if words.count >= 2 { add(words.prefix(2).compactMap(\.first).map(String.init).joined()) }
        if letters.count >= 2 { add(String(letters.prefix(2))) }
        if words.count >= 3 { add(words.prefix(3).compactMap(\.first).map(String.init).joined()) }
        if let first = letters.first {
            for other in letters.dropFirst() { add(String(first) + String(other)) }
        }
        let alphabet = (65...90).compactMap { Unicode.Scalar($0).map { String(Character($0)) } }
        for letter in alphabet { add(letter) }
        for first in alphabet {
            for second in alphabet { add(first + second) }
        }
        return candidates
    }

    /// What a mechanism adds to its parent's code: `1`, `2`... at the top; `a`, `b`...
    /// (then `aa`, `ab`...) for parts; `.1`, `.2`... deeper.
    static func suffix(_ index: Int, depth: Int) -> String {
        switch depth {
        case 0: return String(index + 1)
        case 1: return letters(index)
        default: return "." + String(index + 1)
        }
    }

    /// `a`...`z`, `aa`...`az`, `ba`...
    static func letters(_ index: Int) -> String {
        var number = index
        var text = ""
        repeat {
            text = String(Character(Unicode.Scalar(UInt8(97 + number % 26)))) + text
            number = number / 26 - 1
        } while number >= 0
        return text
    }
}
