import CaravanContent
import CaravanUI
import Foundation
import TOMLKit

/// Turns a config file's TOML into a ``Config``, collecting every problem with its line.
struct ConfigReader {
    private let path: String
    private let environment: [String: String]
    private let lines: TOMLLines
    private var config = Config()
    private var errors: [ConfigError] = []

    /// The settings at the top of the file, and the sections.
    static let settings = ["theme", "content", "screen-reader", "editor"]
    static let sections = ["panes", "colors", "keys"]
    static let paneSettings = ["navigator-width", "context-width"]

    private init(path: String, text: String, environment: [String: String]) {
        self.path = path
        self.environment = environment
        self.lines = TOMLLines(text)
    }

    static func read(_ text: String, path: String, environment: [String: String])
        -> (config: Config, errors: [ConfigError])
    {
        let table: TOMLTable
        do {
            table = try TOMLTable(string: text)
        } catch let error as TOMLParseError {
            let message = "invalid TOML: " + lowercasedFirst(error.description)
            return (
                Config(), [ConfigError(path: path, line: error.source.begin.line, message: message)]
            )
        } catch {
            return (Config(), [ConfigError(path: path, line: nil, message: "invalid TOML")])
        }
        var reader = ConfigReader(path: path, text: text, environment: environment)
        reader.readTop(table)
        let errors = reader.errors.enumerated()
            .sorted { ($0.element.line ?? 0, $0.offset) < ($1.element.line ?? 0, $1.offset) }
            .map(\.element)
        return (reader.config, errors)
    }

    private static func lowercasedFirst(_ text: String) -> String {
        text.prefix(1).lowercased() + text.dropFirst()
    }

    // MARK: Problems

    private mutating func fail(_ keyPath: [String], _ message: String) {
        errors.append(ConfigError(path: path, line: lines.line(of: keyPath), message: message))
    }

    private mutating func unknown(
        _ what: String, _ key: String, in keyPath: [String], among known: [String]
    ) {
        var message = "unknown \(what) `\(key)`"
        if !keyPath.isEmpty { message += " in [\(keyPath.joined(separator: "."))]" }
        if let hint = Suggestion.didYouMean(key, among: known) {
            message += "; \(hint)"
        } else {
            message += " (\(what)s: \(known.joined(separator: ", ")))"
        }
        fail(keyPath + [key], message)
    }

    private mutating func wrongType(
        _ keyPath: [String], expected: String, got value: TOMLValueConvertible
    ) {
        let name = keyPath.last ?? ""
        fail(keyPath, "`\(name)` must be \(expected), not \(Self.describe(value))")
    }

    private static func describe(_ value: TOMLValueConvertible) -> String {
        switch value.type {
        case .string: "a string"
        case .int: "an integer"
        case .double: "a number with a fraction"
        case .bool: "true or false"
        case .array: "a list"
        case .table: "a table"
        case .date, .time, .dateTime: "a date or time"
        }
    }

    // MARK: Sections

    private mutating func readTop(_ table: TOMLTable) {
        for key in table.keys.sorted() {
            guard let value = table[key] else { continue }
            switch key {
            case "theme": readTheme(value)
            case "content": readContent(value)
            case "screen-reader":
                if let flag = value.bool {
                    config.screenReader = flag
                } else {
                    wrongType([key], expected: "true or false", got: value)
                }
            case "editor":
                if let command = value.string {
                    let trimmed = command.trimmingCharacters(in: .whitespaces)
                    config.editor = trimmed.isEmpty ? nil : trimmed
                } else {
                    wrongType([key], expected: "a string", got: value)
                }
            case "panes", "colors", "keys":
                guard let section = value.table else {
                    fail([key], "`\(key)` must be a section: write [\(key)] on a line of its own")
                    continue
                }
                switch key {
                case "panes": readPanes(section)
                case "colors": readColors(section)
                default: readKeys(section)
                }
            default:
                let what = value.type == .table ? "section" : "setting"
                let known = value.type == .table ? Self.sections : Self.settings + Self.sections
                unknown(what, key, in: [], among: known)
            }
        }
    }

    private mutating func readTheme(_ value: TOMLValueConvertible) {
        guard let name = value.string else {
            wrongType(["theme"], expected: "a string", got: value)
            return
        }
        guard Config.themeNames.contains(name) else {
            var message = "unknown theme `\(name)`"
            if let hint = Suggestion.didYouMean(name, among: Config.themeNames) {
                message += "; \(hint)"
            } else {
                message += " (themes: \(Config.themeNames.joined(separator: ", ")))"
            }
            fail(["theme"], message)
            return
        }
        config.theme = name
    }

    private mutating func readContent(_ value: TOMLValueConvertible) {
        guard let folder = value.string else {
            wrongType(["content"], expected: "a string", got: value)
            return
        }
        guard !folder.isEmpty else {
            fail(["content"], "`content` must name a folder")
            return
        }
        config.contentFolder = resolve(folder)
    }

    /// `~/x` from the home folder; a relative path from the config file's folder.
    private func resolve(_ folder: String) -> String {
        if folder == "~" { return Config.home(environment) }
        if folder.hasPrefix("~/") { return Config.home(environment) + folder.dropFirst() }
        if folder.hasPrefix("/") { return folder }
        let base = URL(fileURLWithPath: path).deletingLastPathComponent()
        return base.appendingPathComponent(folder).standardizedFileURL.path
    }

    private mutating func readPanes(_ table: TOMLTable) {
        for key in table.keys.sorted() {
            guard let value = table[key] else { continue }
            let keyPath = ["panes", key]
            guard Self.paneSettings.contains(key) else {
                unknown("setting", key, in: ["panes"], among: Self.paneSettings)
                continue
            }
            guard let width = value.int else {
                wrongType(keyPath, expected: "a whole number of columns", got: value)
                continue
            }
            guard Config.paneWidths.contains(width) else {
                let range = Config.paneWidths
                fail(
                    keyPath,
                    "`\(key)` must be between \(range.lowerBound) and \(range.upperBound) columns, not \(width)"
                )
                continue
            }
            if key == "navigator-width" {
                config.navigatorWidth = width
            } else {
                config.contextWidth = width
            }
        }
    }

    private mutating func readColors(_ table: TOMLTable) {
        for key in table.keys.sorted() {
            guard let value = table[key] else { continue }
            let keyPath = ["colors", key]
            guard let role = Role(name: key) else {
                unknown("role", key, in: ["colors"], among: Role.allCases.map(\.name))
                continue
            }
            let text: String
            if let string = value.string {
                text = string
            } else if let number = value.int {
                text = String(number)
            } else {
                wrongType(
                    keyPath, expected: "a style such as \"cyan\" or \"black on yellow\"", got: value
                )
                continue
            }
            switch StyleText.parse(text) {
            case .success(let style): config.colors[role] = style
            case .failure(let problem): fail(keyPath, "`\(key)`: \(problem.message)")
            }
        }
    }

    /// `[keys]` and its tables (`[keys.views]`, `[keys.presenter]`...): each names actions
    /// of its own, with a key or a list of keys.
    private mutating func readKeys(_ table: TOMLTable, path: [String] = ["keys"]) {
        let name = path.joined(separator: ".")
        guard let known = KeyBindings.tables.first(where: { $0.name == name }) else { return }
        let tables = KeyBindings.tables.map(\.name).filter { $0.hasPrefix(name + ".") }
            .map { String($0.dropFirst(name.count + 1)) }.filter { !$0.contains(".") }
        // In file order, so that a key given twice is reported where it is given again.
        let ordered = table.keys.sorted {
            (lines.line(of: path + [$0]) ?? 0, $0) < (lines.line(of: path + [$1]) ?? 0, $1)
        }
        var owners: [Key: String] = [:]
        for actionName in ordered {
            guard let value = table[actionName] else { continue }
            let keyPath = path + [actionName]
            if let subtable = value.table {
                if tables.contains(actionName) {
                    readKeys(subtable, path: keyPath)
                } else {
                    unknown("table", actionName, in: path, among: tables)
                }
                continue
            }
            guard known.actions.contains(actionName) else {
                unknown("action", actionName, in: path, among: known.actions)
                continue
            }
            let keyNames: [String]
            if let single = value.string {
                keyNames = [single]
            } else if let list = value.array {
                guard list.allSatisfy({ $0.type == .string }) else {
                    fail(
                        keyPath,
                        "`\(actionName)` must be a key name or a list of key names, in quotes")
                    continue
                }
                keyNames = list.compactMap { $0.string }
            } else {
                wrongType(keyPath, expected: "a key name or a list of key names", got: value)
                continue
            }
            var keys: [Key] = []
            for keyName in keyNames {
                let line = lines.line(of: keyPath, containing: keyName)
                guard let key = Self.key(named: keyName) else {
                    errors.append(
                        ConfigError(
                            path: self.path, line: line,
                            message: Self.badKeyMessage(keyName, actionName)))
                    continue
                }
                if let owner = owners[key], owner != actionName {
                    let message =
                        "key `\(key.name)` is given to both `\(owner)` and `\(actionName)`"
                    errors.append(ConfigError(path: self.path, line: line, message: message))
                    continue
                }
                owners[key] = actionName
                if !keys.contains(key) { keys.append(key) }
            }
            config.keys[name, default: [:]][actionName] = keys
        }
    }

    /// A key from its name; control characters and blanks other than Space are refused.
    static func key(named name: String) -> Key? {
        guard let key = Key(name: name) else { return nil }
        if case .character(let character) = key, character != " " {
            let isControl = character.unicodeScalars.contains {
                $0.properties.generalCategory == .control || $0.properties.isWhitespace
            }
            if isControl { return nil }
        }
        return key
    }

    private static func badKeyMessage(_ keyName: String, _ action: String) -> String {
        let shown = keyName.isEmpty ? "an empty key name" : "unknown key name `\(keyName)`"
        return "`\(action)`: \(shown); keys are written like j, J, Space, Enter, Tab, "
            + "S-Tab, Esc, Backspace, Up, PgDn, Home, F1 or Ctrl-d"
    }
}
