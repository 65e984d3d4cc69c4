import Foundation
import NIOSSH

/// The public keys of an OpenSSH authorized-keys file, each with where it may log in from.
///
/// One line is one key; a line that cannot be used is skipped with a problem that
/// names it, and never takes the rest of the file with it. Options in front of a key
/// are read as OpenSSH reads them: `from=` is honoured; options that only narrow what
/// a session may do (`no-port-forwarding`, `command=`, ...) hold anyway, since a
/// session can only be the explorer; a line whose options could not be kept
/// (`no-pty`, `cert-authority`, `expiry-time`, an unknown option) is skipped.
public struct AuthorizedKeys: Sendable {
    /// Each key, and the `from=` list of each line it is on (nil: from anywhere).
    var entries: [NIOSSHPublicKey: [AddressPatternList?]]
    /// One line for each entry that was skipped or only partly understood.
    public var problems: [String]

    /// The keys that may log in (from somewhere).
    public var keys: Set<NIOSSHPublicKey> { Set(entries.keys) }

    /// Key types NIOSSH can check signatures of.
    static let supportedTypes: Set<String> = [
        "ssh-ed25519", "ecdsa-sha2-nistp256", "ecdsa-sha2-nistp384", "ecdsa-sha2-nistp521",
    ]

    /// Options that narrow what a session may do: a served session does less anyway.
    static let narrowingOptions: Set<String> = [
        "agent-forwarding", "command", "environment", "no-agent-forwarding",
        "no-port-forwarding", "no-user-rc", "no-x11-forwarding", "permitlisten", "permitopen",
        "port-forwarding", "pty", "tunnel", "user-rc", "x11-forwarding", "no-touch-required",
        "verify-required",
    ]

    /// Parses the file's bytes: one key a line, `#` comments, optional leading options.
    public init(parsing bytes: [UInt8]) {
        entries = [:]
        problems = []
        for (index, rawLine) in bytes.split(
            separator: UInt8(ascii: "\n"), omittingEmptySubsequences: false
        )
        .enumerated() {
            guard let text = String(validating: rawLine, as: UTF8.self) else {
                problems.append("line \(index + 1): not UTF-8 text; skipped")
                continue
            }
            parseLine(text, number: index + 1)
        }
    }

    /// Parses the file's text.
    public init(parsing text: String) {
        self.init(parsing: Array(text.utf8))
    }

    /// Whether `key` may log in from `address`.
    func allows(_ key: NIOSSHPublicKey, from address: String) -> Bool {
        entries[key]?.contains { $0?.allows(address) ?? true } ?? false
    }

    private mutating func parseLine(_ rawLine: String, number: Int) {
        let line = rawLine.trimmingCharacters(in: .whitespacesAndNewlines)
        if line.isEmpty || line.hasPrefix("#") { return }
        let fields = Self.fields(of: line)
        guard let typeIndex = fields.firstIndex(where: Self.looksLikeKeyType) else {
            problems.append("line \(number): no key type found")
            return
        }
        let type = fields[typeIndex]
        guard Self.supportedTypes.contains(type) else {
            problems.append(
                "line \(number): \(type) keys are not supported (use ssh-ed25519 or ecdsa)")
            return
        }
        guard typeIndex + 1 < fields.count else {
            problems.append("line \(number): the key's base64 is missing")
            return
        }
        let key: NIOSSHPublicKey
        do {
            key = try NIOSSHPublicKey(openSSHPublicKey: "\(type) \(fields[typeIndex + 1])")
        } catch {
            problems.append("line \(number): the \(type) key cannot be read")
            return
        }
        var from: AddressPatternList?
        if typeIndex > 0 {
            switch Self.restriction(from: fields[..<typeIndex].joined(separator: " ")) {
            case .failure(let problem):
                problems.append("line \(number): \(problem.message); skipped")
                return
            case .success(let (list, notes)):
                from = list
                problems += notes.map { "line \(number): \($0)" }
            }
        }
        entries[key, default: []].append(from)
    }

    /// The `from=` list of a line's options, and notes on options worth a word;
    /// a failure when the line cannot be used as its options ask.
    static func restriction(from text: String) -> Result<
        (AddressPatternList?, [String]), KeyLineProblem
    > {
        guard let options = options(of: text) else {
            return .failure(KeyLineProblem("its options cannot be read (an unclosed quote?)"))
        }
        var from: AddressPatternList?
        var notes: [String] = []
        let names = Set(options.map { $0.name.lowercased() })
        if names.contains("restrict") && !names.contains("pty") || names.contains("no-pty") {
            return .failure(
                KeyLineProblem("no-pty: this key may not have a terminal, which the explorer needs")
            )
        }
        for (name, value) in options {
            switch name.lowercased() {
            case "from":
                switch AddressPatternList.parse(value ?? "") {
                case .failure(let error):
                    return .failure(KeyLineProblem("from=: \(error.message)"))
                case .success(let list):
                    guard from == nil else {
                        return .failure(KeyLineProblem("more than one from="))
                    }
                    from = list
                    if !list.hostNames.isEmpty {
                        notes.append(
                            "from= names hosts (\(list.hostNames.joined(separator: ", "))), which are not "
                                + "looked up: only addresses match")
                    }
                }
            case "command":
                notes.append("command= is not run: this key gets the explorer, like every key")
            case "restrict":
                break
            case "cert-authority", "principals":
                return .failure(KeyLineProblem("\(name): certificates are not supported"))
            case "expiry-time":
                return .failure(KeyLineProblem("expiry-time is not supported"))
            case let other where narrowingOptions.contains(other):
                break
            default:
                return .failure(KeyLineProblem("unknown option '\(name)'"))
            }
        }
        return .success((from, notes))
    }

    /// The options `name` or `name="value"`, split on commas outside double quotes;
    /// nil when a quote is not closed.
    static func options(of text: String) -> [(name: String, value: String?)]? {
        var result: [(name: String, value: String?)] = []
        var name = ""
        var value: String?
        var quoted = false
        var escaped = false
        for character in text {
            if escaped {
                value?.append(character)
                escaped = false
            } else if quoted {
                if character == "\\" {
                    escaped = true
                } else if character == "\"" {
                    quoted = false
                } else {
                    value?.append(character)
                }
            } else if character == "\"" && value != nil {
                quoted = true
            } else if character == "=" && value == nil {
                value = ""
            } else if character == "," {
                result.append((name, value))
                name = ""
                value = nil
            } else if value != nil {
                value?.append(character)
            } else {
                name.append(character)
            }
        }
        guard !quoted else { return nil }
        if !name.isEmpty { result.append((name, value)) }
        return result
    }

    /// Splits on blanks outside double quotes, as options like `from="a b"` need.
    static func fields(of line: String) -> [String] {
        var fields: [String] = []
        var current = ""
        var quoted = false
        var escaped = false
        for character in line {
            if escaped {
                current.append(character)
                escaped = false
            } else if character == "\\" && quoted {
                current.append(character)
                escaped = true
            } else if character == "\"" {
                current.append(character)
                quoted.toggle()
            } else if (character == " " || character == "\t") && !quoted {
                if !current.isEmpty { fields.append(current) }
                current = ""
            } else {
                current.append(character)
            }
        }
        if !current.isEmpty { fields.append(current) }
        return fields
    }

    private static func looksLikeKeyType(_ field: String) -> Bool {
        supportedTypes.contains(field) || field.hasPrefix("ssh-") || field.hasPrefix("ecdsa-")
            || field.hasPrefix("sk-")
    }
}

/// Why a line of the authorized-keys file cannot be used as it asks.
struct KeyLineProblem: Error, Sendable {
    var message: String
    init(_ message: String) { self.message = message }
}
