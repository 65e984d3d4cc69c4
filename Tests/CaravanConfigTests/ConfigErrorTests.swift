import CaravanUI
import XCTest

@testable import CaravanConfig

/// Every problem is reported as `path:line: message`, at the line that has it.
final class ConfigErrorTests: XCTestCase {
    private let path = "/home/reader/.config/caravan/config.toml"

    /// The first problem in `text`, as `line: message`.
    private func problem(_ text: String, file: StaticString = #filePath, line: UInt = #line)
        -> String
    {
        do {
            _ = try Config.parse(text, path: path, environment: ["HOME": "/home/reader"])
            XCTFail("no error for:\n\(text)", file: file, line: line)
            return ""
        } catch let error as ConfigError {
            XCTAssertEqual(error.path, path, file: file, line: line)
            return "\(error.line.map(String.init) ?? "-"): \(error.message)"
        } catch {
            XCTFail("unexpected \(error)", file: file, line: line)
            return ""
        }
    }

    func testDescriptionIsPathLineMessage() {
        let error = ConfigError(path: "/c.toml", line: 3, message: "unknown theme `dak`")
        XCTAssertEqual(error.description, "/c.toml:3: unknown theme `dak`")
    }

    func testInvalidTOMLGivesTheParserLine() {
        XCTAssertEqual(
            problem("theme = \"dark\"\n\nscreen-reader = = true\n"),
            "3: invalid TOML: error while parsing value: could not determine value type")
        XCTAssertEqual(
            problem("theme = \"dark\"\ntheme = \"light\"\n"),
            "2: invalid TOML: error while parsing key-value pair: cannot redefine existing string 'theme'"
        )
        XCTAssertTrue(problem("[keys\nquit = \"q\"\n").hasPrefix("1: invalid TOML: "))
    }

    func testUnknownSettingWithSuggestion() {
        XCTAssertEqual(
            problem("theme = \"dark\"\nscren-reader = true\n"),
            "2: unknown setting `scren-reader`; did you mean `screen-reader`?")
        XCTAssertEqual(
            problem("# comment\n\nfavourite-colour = \"blue\"\n"),
            "3: unknown setting `favourite-colour` (settings: theme, content, screen-reader, "
                + "editor, panes, colors, keys)")
    }

    func testUnknownSection() {
        XCTAssertEqual(
            problem("theme = \"dark\"\n\n[pane]\nnavigator-width = 30\n"),
            "3: unknown section `pane`; did you mean `panes`?")
        XCTAssertEqual(
            problem("[colours]\nlink = \"cyan\"\n"),
            "1: unknown section `colours`; did you mean `colors`?")
    }

    func testUnknownSettingInASection() {
        XCTAssertEqual(
            problem("[panes]\nnavigator-width = 30\nnavigator-widht = 3\n"),
            "3: unknown setting `navigator-widht` in [panes]; did you mean `navigator-width`?")
    }

    func testWrongTypes() {
        XCTAssertEqual(problem("theme = 3\n"), "1: `theme` must be a string, not an integer")
        XCTAssertEqual(
            problem("\nscreen-reader = \"yes\"\n"),
            "2: `screen-reader` must be true or false, not a string")
        XCTAssertEqual(problem("editor = [\"vim\"]\n"), "1: `editor` must be a string, not a list")
        XCTAssertEqual(
            problem("content = false\n"), "1: `content` must be a string, not true or false")
        XCTAssertEqual(problem("content = \"\"\n"), "1: `content` must name a folder")
        XCTAssertEqual(
            problem("[panes]\ncontext-width = 32.5\n"),
            "2: `context-width` must be a whole number of columns, not a number with a fraction")
        XCTAssertEqual(
            problem("panes = 3\n"),
            "1: `panes` must be a section: write [panes] on a line of its own")
        XCTAssertEqual(
            problem("[colors]\nlink = true\n"),
            "2: `link` must be a style such as \"cyan\" or \"black on yellow\", not true or false")
        XCTAssertEqual(
            problem("[keys]\nquit = 3\n"),
            "2: `quit` must be a key name or a list of key names, not an integer")
        XCTAssertEqual(
            problem("[keys]\nquit = [\"q\", 3]\n"),
            "2: `quit` must be a key name or a list of key names, in quotes")
    }

    func testPaneWidthOutOfRange() {
        XCTAssertEqual(
            problem("[panes]\nnavigator-width = 2\n"),
            "2: `navigator-width` must be between 10 and 200 columns, not 2")
    }

    func testUnknownTheme() {
        XCTAssertEqual(
            problem("\ntheme = \"drak\"\n"), "2: unknown theme `drak`; did you mean `dark`?")
        XCTAssertEqual(
            problem("theme = \"solarized\"\n"),
            "1: unknown theme `solarized` (themes: dark, light, monochrome)")
    }

    func testUnknownRole() {
        XCTAssertEqual(
            problem("[colors]\nlink = \"cyan\"\nselected_link = \"red\"\n"),
            "3: unknown role `selected_link` in [colors]; did you mean `selected-link`?")
    }

    func testBadColours() {
        XCTAssertEqual(
            problem("[colors]\nlink = \"cyna\"\n"),
            "2: `link`: unknown colour `cyna`; did you mean `cyan`?")
        XCTAssertEqual(
            problem("[colors]\nlink = \"300\"\n"),
            "2: `link`: colour numbers go from 0 to 255, not 300")
        XCTAssertEqual(
            problem("[colors]\nlink = \"black on\"\n"),
            "2: `link`: `on` needs a background colour after it")
        XCTAssertEqual(
            problem("[colors]\nlink = \"red blue\"\n"),
            "2: `link`: two colours before `on`; write \"fg on bg\"")
        XCTAssertEqual(problem("[colors]\nlink = \"\"\n"), "2: `link`: a style needs a colour")
        XCTAssertTrue(
            problem("[colors]\nlink = \"chartreuse\"\n").hasPrefix(
                "2: `link`: unknown colour `chartreuse` (colours: default, black"))
    }

    func testUnknownAction() {
        XCTAssertEqual(
            problem("[keys]\n\nline-dwn = \"j\"\n"),
            "3: unknown action `line-dwn` in [keys]; did you mean `line-down`?")
    }

    func testBadKeyNamePointsAtItsLine() {
        XCTAssertEqual(
            problem("[keys]\nline-down = [\n    \"j\",\n    \"Dwn\",\n]\n"),
            "4: `line-down`: unknown key name `Dwn`; keys are written like j, J, Space, Enter, "
                + "Tab, S-Tab, Esc, Backspace, Up, PgDn, Home, F1 or Ctrl-d")
        XCTAssertTrue(
            problem("[keys]\nquit = \"Ctl-q\"\n").hasPrefix("2: `quit`: unknown key name `Ctl-q`"))
        XCTAssertTrue(problem("[keys]\nquit = \"\"\n").hasPrefix("2: `quit`: an empty key name"))
        XCTAssertTrue(
            problem("[keys]\nquit = \"\\u0001\"\n").hasPrefix("2: `quit`: unknown key name"))
    }

    func testAKeyGivenToTwoActions() {
        XCTAssertEqual(
            problem("[keys]\nquit = \"x\"\nzoom = [\"z\", \"x\"]\n"),
            "3: key `x` is given to both `quit` and `zoom`")
    }

    func testSectionMismatchesPointAtTheRightLine() {
        let text = """
            theme = "dark"

            [panes]
            navigator-width = 30

            [colors]
            link = "cyan"

            [keys]
            quit = "q"
            theme = "light"
            """
        XCTAssertEqual(
            problem(text),
            "11: unknown action `theme` in [keys] (actions: "
                + KeyBindings.tables[0].actions.joined(separator: ", ") + ")")
    }

    func testMultiLineStringsDoNotConfuseLines() {
        let text = """
            editor = \"\"\"
            vim
            thme = 3
            \"\"\"
            thme = "dark"
            """
        XCTAssertEqual(problem(text), "5: unknown setting `thme`; did you mean `theme`?")
    }

    func testProblemsListsEveryOneInLineOrder() {
        let text = """
            thme = "dark"
            [panes]
            navigator-width = 1
            [keys]
            quit = "Ctl-q"
            lin-down = "j"
            """
        let problems = Config.problems(in: text, path: path)
        XCTAssertEqual(problems.map(\.line), [1, 3, 5, 6])
        XCTAssertEqual(
            problems.first?.description, "\(path):1: unknown setting `thme`; did you mean `theme`?")
    }
}
