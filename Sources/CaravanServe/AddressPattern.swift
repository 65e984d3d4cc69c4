import Foundation

/// The `from="..."` option of an authorized key: the addresses the key may log in
/// from, as OpenSSH reads them without `UseDNS`. A comma-separated list of IP
/// addresses with `*` and `?` wildcards, or CIDR blocks (`10.0.0.0/8`,
/// `2001:db8::/32`); a `!` in front denies. A client is let in when some pattern
/// allows its address and none denies it.
struct AddressPatternList: Sendable, Equatable {
    struct Pattern: Sendable, Equatable {
        var negated: Bool
        var text: String
        /// The network and prefix length of a CIDR block.
        var block: (bytes: [UInt8], prefix: Int)?

        static func == (a: Pattern, b: Pattern) -> Bool {
            a.negated == b.negated && a.text == b.text
        }
    }

    private(set) var patterns: [Pattern]
    /// Patterns that name hosts rather than addresses: they never match, since
    /// no name is looked up (the same as OpenSSH without UseDNS).
    private(set) var hostNames: [String]

    /// Parses the option's value; a failure says which pattern is malformed.
    static func parse(_ text: String) -> Result<AddressPatternList, KeyLineProblem> {
        var patterns: [Pattern] = []
        var hostNames: [String] = []
        for raw in text.split(separator: ",", omittingEmptySubsequences: false) {
            var entry = raw.trimmingCharacters(in: .whitespaces)
            let negated = entry.hasPrefix("!")
            if negated { entry.removeFirst() }
            guard !entry.isEmpty else { return .failure(KeyLineProblem("an empty pattern")) }
            if entry.contains("/") {
                guard let block = cidr(entry) else {
                    return .failure(KeyLineProblem("'\(entry)' is not an address block"))
                }
                patterns.append(Pattern(negated: negated, text: entry, block: block))
                continue
            }
            let addressCharacters = CharacterSet(charactersIn: "0123456789abcdefABCDEF.:*?")
            guard entry.unicodeScalars.allSatisfy({ addressCharacters.contains($0) }),
                entry.contains(".") || entry.contains(":") || entry == "*"
            else {
                hostNames.append(entry)
                patterns.append(Pattern(negated: negated, text: entry, block: nil))
                continue
            }
            patterns.append(Pattern(negated: negated, text: entry.lowercased(), block: nil))
        }
        return .success(AddressPatternList(patterns: patterns, hostNames: hostNames))
    }

    /// Whether a client at `address` (an IP address as text) may log in.
    func allows(_ address: String) -> Bool {
        let ip = Self.unmapped(address).lowercased()
        let bytes = Self.bytes(of: ip)
        var allowed = false
        for pattern in patterns where matches(pattern, ip: ip, bytes: bytes) {
            if pattern.negated { return false }
            allowed = true
        }
        return allowed
    }

    private func matches(_ pattern: Pattern, ip: String, bytes: [UInt8]?) -> Bool {
        if let block = pattern.block {
            guard let bytes, bytes.count == block.bytes.count else { return false }
            var remaining = block.prefix
            for index in bytes.indices where remaining > 0 {
                let bits = min(8, remaining)
                let mask = UInt8(truncatingIfNeeded: 0xFF << (8 - bits))
                if bytes[index] & mask != block.bytes[index] & mask { return false }
                remaining -= bits
            }
            return true
        }
        return Self.wildcardMatch(Array(pattern.text.utf8), Array(ip.utf8))
    }

    /// `::ffff:192.0.2.1` (an IPv4 client of an IPv6 socket) as `192.0.2.1`.
    static func unmapped(_ address: String) -> String {
        let prefix = "::ffff:"
        if address.lowercased().hasPrefix(prefix), address.dropFirst(prefix.count).contains(".") {
            return String(address.dropFirst(prefix.count))
        }
        return address
    }

    /// The address's bytes: 4 for IPv4, 16 for IPv6; nil when it is neither.
    static func bytes(of address: String) -> [UInt8]? {
        var v4 = in_addr()
        if inet_pton(AF_INET, address, &v4) == 1 {
            return withUnsafeBytes(of: &v4) { Array($0) }
        }
        var v6 = in6_addr()
        if inet_pton(AF_INET6, address, &v6) == 1 {
            return withUnsafeBytes(of: &v6) { Array($0) }
        }
        return nil
    }

    private static func cidr(_ text: String) -> (bytes: [UInt8], prefix: Int)? {
        let parts = text.split(separator: "/", omittingEmptySubsequences: false)
        guard parts.count == 2, let bytes = bytes(of: String(parts[0])),
            let prefix = Int(parts[1]), (0...(bytes.count * 8)).contains(prefix)
        else { return nil }
        return (bytes, prefix)
    }

    /// `*` matches any run of characters, `?` any one.
    static func wildcardMatch(_ pattern: [UInt8], _ text: [UInt8]) -> Bool {
        var p = 0
        var t = 0
        var star: Int?
        var resume = 0
        while t < text.count {
            if p < pattern.count && (pattern[p] == UInt8(ascii: "?") || pattern[p] == text[t]) {
                p += 1
                t += 1
            } else if p < pattern.count && pattern[p] == UInt8(ascii: "*") {
                star = p
                resume = t
                p += 1
            } else if let star {
                p = star + 1
                resume += 1
                t = resume
            } else {
                return false
            }
        }
        while p < pattern.count && pattern[p] == UInt8(ascii: "*") { p += 1 }
        return p == pattern.count
    }
}
