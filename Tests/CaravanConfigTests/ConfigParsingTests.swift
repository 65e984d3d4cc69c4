import CaravanUI
import Foundation
import XCTest

@testable import CaravanConfig

final class ConfigParsingTests: XCTestCase {
    private let environment = ["HOME": "/home/reader"]

    private func parse(_ text: String, path: String = "/etc/caravan/config.toml") throws -> Config {
        try Config.parse(text, path: path, environment: environment)
    }

    func testEmptyFileGivesTheDefaults() throws {
        let config = try parse("")
        XCTAssertEqual(config, Config())
        XCTAssertEqual(config.theme, "dark")
        XCTAssertNil(config.contentFolder)
        XCTAssertFalse(config.screenReader)
        XCTAssertNil(config.editor)
        XCTAssertNil(config.navigatorWidth)
        XCTAssertNil(config.contextWidth)
        XCTAssertTrue(config.colors.isEmpty)
        XCTAssertTrue(config.keys.isEmpty)
    }

    func testEveryField() throws {
        let config = try parse(
            """
            theme = "light"            # dark, light or monochrome
            content = "/srv/course"
            screen-reader = true
            editor = "vim"

            [panes]
            navigator-width = 30
            context-width = 32

            [colors]
            link = "cyan"
            selection = "black on yellow"
            heading = "bold underline 208"
            selected-link = "reverse"

            [keys]
            line-down = ["j", "Down"]
            quit = "q"
            """)
        XCTAssertEqual(config.theme, "light")
        XCTAssertEqual(config.contentFolder, "/srv/course")
        XCTAssertTrue(config.screenReader)
        XCTAssertEqual(config.editor, "vim")
        XCTAssertEqual(config.navigatorWidth, 30)
        XCTAssertEqual(config.contextWidth, 32)
        XCTAssertEqual(config.colors[.link], Style(fg: .cyan))
        XCTAssertEqual(config.colors[.selection], Style(fg: .black, bg: .yellow))
        XCTAssertEqual(
            config.colors[.heading], Style(fg: .indexed(208), bold: true, underline: true))
        XCTAssertEqual(config.colors[.selectedLink], Style(reverse: true))
        XCTAssertEqual(config.keys(for: Action.lineDown), [.character("j"), .down])
        XCTAssertEqual(config.keys(for: Action.quit), [.character("q")])
        XCTAssertEqual(config.baseTheme.name, "light")
    }

    func testDottedKeysAndInlineTablesWork() throws {
        let config = try parse(
            """
            panes = { navigator-width = 40 }
            colors.link = "green"
            keys.help = ["?", "F1", "Ctrl-h"]
            """)
        XCTAssertEqual(config.navigatorWidth, 40)
        XCTAssertEqual(config.colors[.link], Style(fg: .green))
        XCTAssertEqual(
            config.keys(for: Action.help), [.character("?"), .function(1), .control("h")])
    }

    func testContentFolderIsResolved() throws {
        XCTAssertEqual(try parse(#"content = "~/notes""#).contentFolder, "/home/reader/notes")
        XCTAssertEqual(try parse(#"content = "~""#).contentFolder, "/home/reader")
        XCTAssertEqual(
            try parse(
                #"content = "course/../paper""#, path: "/home/reader/.config/caravan/config.toml"
            )
            .contentFolder,
            "/home/reader/.config/caravan/paper", "relative to the config file's folder")
        XCTAssertEqual(try parse(#"content = "/abs""#).contentFolder, "/abs")
    }

    func testEmptyEditorMeansNone() throws {
        XCTAssertNil(try parse(#"editor = "  ""#).editor)
    }

    func testEditorFallsBackToTheEnvironment() {
        let none = Config()
        XCTAssertEqual(
            none.editorCommand(environment: ["VISUAL": "code -w", "EDITOR": "vi"]), "code -w")
        XCTAssertEqual(none.editorCommand(environment: ["VISUAL": "", "EDITOR": "vi"]), "vi")
        XCTAssertNil(none.editorCommand(environment: [:]), "the built-in editor")
        let vim = Config(editor: "vim")
        XCTAssertEqual(vim.editorCommand(environment: ["VISUAL": "code -w"]), "vim")
    }

    func testDuplicateKeysInOneActionCountOnce() throws {
        let config = try parse(#"keys.quit = ["q", "q", "Q"]"#)
        XCTAssertEqual(config.keys(for: Action.quit), [.character("q"), .character("Q")])
    }

    func testAnEmptyListUnbindsAnAction() throws {
        let config = try parse("[keys]\nzoom = []\n")
        XCTAssertEqual(config.keys(for: Action.zoom), [])
        XCTAssertTrue(config.apply(to: Keymap<Action>.standard).keys(for: .zoom).isEmpty)
    }

    // MARK: Where it is read

    func testDefaultPathFollowsXDG() {
        XCTAssertEqual(
            Config.defaultPath(environment: ["XDG_CONFIG_HOME": "/xdg", "HOME": "/home/u"]),
            "/xdg/caravan/config.toml")
        XCTAssertEqual(
            Config.defaultPath(environment: ["HOME": "/home/u"]),
            "/home/u/.config/caravan/config.toml")
        XCTAssertEqual(
            Config.defaultPath(environment: ["XDG_CONFIG_HOME": "relative", "HOME": "/home/u"]),
            "/home/u/.config/caravan/config.toml")
    }

    func testMissingDefaultFileGivesDefaults() throws {
        let folder = try temporaryFolder()
        let config = try Config.load(path: nil, environment: ["XDG_CONFIG_HOME": folder])
        XCTAssertEqual(config, Config())
    }

    func testLoadReadsTheDefaultFile() throws {
        let folder = try temporaryFolder()
        try FileManager.default.createDirectory(
            atPath: folder + "/caravan", withIntermediateDirectories: true)
        try Data("theme = \"monochrome\"\n".utf8).write(
            to: URL(fileURLWithPath: folder + "/caravan/config.toml"))
        let config = try Config.load(path: nil, environment: ["XDG_CONFIG_HOME": folder])
        XCTAssertEqual(config.theme, "monochrome")
    }

    func testMissingNamedFileIsAnError() throws {
        let path = try temporaryFolder() + "/nope.toml"
        XCTAssertThrowsError(try Config.load(path: path)) { error in
            XCTAssertEqual(
                error as? ConfigError, ConfigError(path: path, line: nil, message: "no such file"))
            XCTAssertEqual("\(error)", "\(path): no such file")
        }
    }

    func testNonUTF8FileIsAnError() throws {
        let path = try temporaryFolder() + "/config.toml"
        try Data([0x74, 0x3D, 0xFF, 0xFE]).write(to: URL(fileURLWithPath: path))
        XCTAssertThrowsError(try Config.load(path: path)) { error in
            XCTAssertEqual((error as? ConfigError)?.message, "the file is not UTF-8 text")
        }
    }

    func testProblemsInAFile() throws {
        let folder = try temporaryFolder()
        let path = folder + "/config.toml"
        try Data("theme = \"dark\"\nthme = 1\n".utf8).write(to: URL(fileURLWithPath: path))
        XCTAssertEqual(
            Config.problems(inFileAt: path).map(\.description),
            ["\(path):2: unknown setting `thme`; did you mean `theme`?"])
        XCTAssertEqual(
            Config.problems(inFileAt: folder + "/missing.toml").map(\.message), ["no such file"])
        XCTAssertEqual(
            Config.problems(inFileAt: nil, environment: ["XDG_CONFIG_HOME": folder + "/none"]), [],
            "no default file is no problem")
    }

    // MARK: The default file

    func testDefaultTextParsesToTheDefaults() throws {
        XCTAssertEqual(try parse(Config.defaultText), Config())
    }

    func testDefaultTextShowsTheTrueDefaults() throws {
        // Uncomment every `# name = value` line: nothing may change.
        let uncommented = Config.defaultText.split(
            separator: "\n", omittingEmptySubsequences: false
        )
        .map { line -> Substring in
            let isSetting = line.hasPrefix("# ") && line.contains(" = ") && !line.hasPrefix("# #")
            return isSetting ? line.dropFirst(2) : line
        }
        .joined(separator: "\n")
        let config = try parse(uncommented)
        XCTAssertEqual(
            config.keys[Action.keyTable]?.count,
            Action.allCases.count + FrameworkViewKind.allCases.count)
        XCTAssertEqual(
            Set(config.keys.keys), Set(KeyBindings.tables.map(\.name)), "every table is written")
        XCTAssertEqual(config.colors.count, Role.allCases.count)
        let standard = KeyBindings.standard
        let applied = config.apply(to: standard)
        for table in KeyBindings.tables {
            for name in table.actions {
                let keys = applied.binding(table: table.name, action: name)?.keys
                XCTAssertEqual(
                    keys, standard.binding(table: table.name, action: name)?.keys,
                    "\(table.name) \(name)")
            }
        }
        let theme = config.apply(to: .dark)
        for role in Role.allCases {
            XCTAssertEqual(theme[role], Theme.dark[role], role.name)
        }
    }

    func testDefaultTextLinesFitAndAreComments() {
        for line in Config.defaultText.split(separator: "\n") {
            XCTAssertLessThanOrEqual(line.count, 100, String(line))
        }
        XCTAssertTrue(Config.defaultText.hasSuffix("\n"))
        XCTAssertTrue(Config.defaultText.contains("# selected-link = \"bold black on cyan\""))
        XCTAssertTrue(
            Config.defaultText.contains("# line-down = [\"j\", \"Down\", \"Ctrl-n\", \"Ctrl-e\"]"))
        XCTAssertTrue(Config.defaultText.contains("# zoom = \"z\""))
    }

    private func temporaryFolder() throws -> String {
        let path = NSTemporaryDirectory() + "caravan-config-" + UUID().uuidString
        try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
        addTeardownBlock { try? FileManager.default.removeItem(atPath: path) }
        return path
    }
}
