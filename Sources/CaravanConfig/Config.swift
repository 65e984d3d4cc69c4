import CaravanUI
import Foundation

/// The user's settings, read from `${XDG_CONFIG_HOME:-$HOME/.config}/caravan/config.toml`.
///
/// Every field has a default, so a missing file, or a file that sets only some
/// settings, is fine. ``defaultText`` is a commented file with every setting.
public struct Config: Sendable, Equatable {
    /// The colour theme's name: `dark`, `light` or `monochrome`.
    public var theme: String
    /// The content folder to open when none is given; nil for the built-in paper.
    /// Absolute: `~` and paths relative to the config file are resolved.
    public var contentFolder: String?
    /// Whether to prefer the linear, screen-reader-friendly presentation.
    public var screenReader: Bool
    /// The editor command for notes; nil to use `$VISUAL`, `$EDITOR` or the built-in one
    /// (see ``editorCommand(environment:)``).
    public var editor: String?
    /// The navigator pane's width in columns; nil for a share of the terminal.
    public var navigatorWidth: Int?
    /// The links pane's width in columns; nil for a share of the terminal.
    public var contextWidth: Int?
    /// Styles that replace the theme's, by role.
    public var colors: [Role: Style]
    /// Keys that replace an action's default keys: by the table they are given in
    /// (`keys`, `keys.views`... see ``KeyBindings/tables``), then by the action's name.
    public var keys: [String: [String: [Key]]]

    public init(
        theme: String = "dark", contentFolder: String? = nil, screenReader: Bool = false,
        editor: String? = nil, navigatorWidth: Int? = nil, contextWidth: Int? = nil,
        colors: [Role: Style] = [:], keys: [String: [String: [Key]]] = [:]
    ) {
        self.theme = theme
        self.contentFolder = contentFolder
        self.screenReader = screenReader
        self.editor = editor
        self.navigatorWidth = navigatorWidth
        self.contextWidth = contextWidth
        self.colors = colors
        self.keys = keys
    }

    /// The theme names a config may give.
    public static let themeNames = ["dark", "light", "monochrome"]
    /// The widths a pane may be given, in columns.
    public static let paneWidths = 10...200

    // MARK: Where it lives

    /// `${XDG_CONFIG_HOME:-$HOME/.config}/caravan/config.toml`. A relative
    /// `XDG_CONFIG_HOME` is ignored, as the XDG specification asks.
    public static func defaultPath(environment: [String: String]) -> String {
        if let config = environment["XDG_CONFIG_HOME"], config.hasPrefix("/") {
            return config + "/caravan/config.toml"
        }
        return home(environment) + "/.config/caravan/config.toml"
    }

    /// The default path for this process's environment.
    public static var defaultPath: String {
        defaultPath(environment: ProcessInfo.processInfo.environment)
    }

    static func home(_ environment: [String: String]) -> String {
        if let home = environment["HOME"], !home.isEmpty { return home }
        return FileManager.default.homeDirectoryForCurrentUser.path
    }

    // MARK: Reading

    /// Reads the config file at `path`, or at the default path when nil. A missing
    /// default file gives the defaults; a missing file that was named is an error.
    /// Throws the first problem, by line; ``problems(in:path:environment:)`` lists all.
    public static func load(
        path: String?, environment: [String: String] = ProcessInfo.processInfo.environment
    ) throws -> Config {
        let resolved = path ?? defaultPath(environment: environment)
        guard let text = try readText(at: resolved, required: path != nil) else { return Config() }
        return try parse(text, path: resolved, environment: environment)
    }

    /// Reads a config from text; `path` names it in errors and anchors relative paths.
    public static func parse(
        _ text: String, path: String,
        environment: [String: String] = ProcessInfo.processInfo.environment
    ) throws -> Config {
        let result = ConfigReader.read(text, path: path, environment: environment)
        if let first = result.errors.first { throw first }
        return result.config
    }

    /// Every problem in a config text, in line order; empty when it is valid.
    public static func problems(
        in text: String, path: String,
        environment: [String: String] = ProcessInfo.processInfo.environment
    ) -> [ConfigError] {
        ConfigReader.read(text, path: path, environment: environment).errors
    }

    /// Every problem in the config file at `path` (the default path when nil), in line
    /// order; empty when the file is valid, or when the default file does not exist.
    public static func problems(
        inFileAt path: String?,
        environment: [String: String] = ProcessInfo.processInfo.environment
    ) -> [ConfigError] {
        let resolved = path ?? defaultPath(environment: environment)
        do {
            guard let text = try readText(at: resolved, required: path != nil) else { return [] }
            return problems(in: text, path: resolved, environment: environment)
        } catch let error as ConfigError {
            return [error]
        } catch {
            return [ConfigError(path: resolved, line: nil, message: "\(error)")]
        }
    }

    /// The file's text; nil when it is missing and not `required`.
    static func readText(at path: String, required: Bool) throws -> String? {
        let data: Data
        do {
            data = try Data(contentsOf: URL(fileURLWithPath: path))
        } catch {
            let missing = !FileManager.default.fileExists(atPath: path)
            if missing && !required { return nil }
            let reason = missing ? "no such file" : "cannot read the file"
            throw ConfigError(path: path, line: nil, message: reason)
        }
        guard let text = String(data: data, encoding: .utf8) else {
            throw ConfigError(path: path, line: nil, message: "the file is not UTF-8 text")
        }
        return text
    }

    // MARK: Using it

    /// The theme named by ``theme``, before ``colors`` are applied.
    public var baseTheme: Theme {
        Theme.named(theme) ?? .dark
    }

    /// The keys the file gives an action, when it names it.
    public func keys<A: KeyAction>(for action: A) -> [Key]? {
        keys[A.keyTable]?[action.name]
    }

    /// `keymap` with each configured action's keys replaced. A key given to an action
    /// here is taken away from whatever action of its table had it before.
    public func apply<A: KeyAction>(to keymap: Keymap<A>) -> Keymap<A> {
        keymap.applying(keys[A.keyTable] ?? [:])
    }

    /// Every keymap with the configured keys.
    public func apply(to bindings: KeyBindings) -> KeyBindings {
        bindings.applying(keys)
    }

    /// `theme` with the configured roles' styles replaced.
    public func apply(to theme: Theme) -> Theme {
        var result = theme
        for (role, style) in colors {
            result.set(role, style)
        }
        return result
    }

    /// The editor to run for notes: the config's, else `$VISUAL`, else `$EDITOR`; nil
    /// means the built-in editor.
    public func editorCommand(
        environment: [String: String] = ProcessInfo.processInfo.environment
    ) -> String? {
        for candidate in [editor, environment["VISUAL"], environment["EDITOR"]] {
            if let candidate, !candidate.trimmingCharacters(in: .whitespaces).isEmpty {
                return candidate
            }
        }
        return nil
    }
}
