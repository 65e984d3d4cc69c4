import CaravanUI
import XCTest

@testable import CaravanConfig

final class ThemeAndStyleTests: XCTestCase {
    func testRoleNamesAreKebabCaseAndRoundTrip() {
        XCTAssertEqual(Role.selectedLink.name, "selected-link")
        XCTAssertEqual(Role.text.name, "text")
        XCTAssertEqual(Role.selectionUnfocused.name, "selection-unfocused")
        XCTAssertEqual(Role(name: "focused-border"), .focusedBorder)
        XCTAssertNil(Role(name: "focusedBorder"))
        XCTAssertNil(Role(name: ""))
        XCTAssertEqual(Set(Role.allCases.map(\.name)).count, Role.allCases.count)
        for role in Role.allCases {
            XCTAssertEqual(Role(name: role.name), role)
        }
    }

    func testColorsReplaceTheThemesStyles() throws {
        let config = try Config.parse(
            "[colors]\nlink = \"cyan\"\nselection = \"black on yellow\"\n", path: "/c.toml")
        let theme = config.apply(to: .dark)
        XCTAssertEqual(theme[.link], Style(fg: .cyan))
        XCTAssertEqual(theme[.selection], Style(fg: .black, bg: .yellow))
        XCTAssertEqual(theme[.heading], Theme.dark[.heading])
        XCTAssertEqual(theme.name, "dark")
        XCTAssertEqual(config.apply(to: .light)[.link], Style(fg: .cyan), "in any theme")
    }

    func testStylesReadBackWhatTheyWrite() {
        for theme in [Theme.dark, .light, .monochrome] {
            for role in Role.allCases {
                let text = StyleText.format(theme[role])
                XCTAssertEqual(
                    try StyleText.parse(text).get(), theme[role], "\(theme.name) \(text)")
            }
        }
        let odd = Style(fg: .indexed(208), bg: .brightBlack, dim: true, italic: true)
        XCTAssertEqual(StyleText.format(odd), "dim italic 208 on bright-black")
        XCTAssertEqual(try StyleText.parse(StyleText.format(odd)).get(), odd)
    }

    func testStyleSpellings() throws {
        XCTAssertEqual(try StyleText.parse("Bright_Red").get(), Style(fg: .brightRed))
        XCTAssertEqual(try StyleText.parse("brightred").get(), Style(fg: .brightRed))
        XCTAssertEqual(try StyleText.parse("grey").get(), Style(fg: .brightBlack))
        XCTAssertEqual(try StyleText.parse("on blue").get(), Style(bg: .blue))
        XCTAssertEqual(try StyleText.parse("  bold\tcyan  ").get(), Style(fg: .cyan, bold: true))
        XCTAssertEqual(try StyleText.parse("default").get(), Style.plain)
        XCTAssertEqual(StyleText.format(.plain), "default")
        XCTAssertEqual(
            try StyleText.parse("0 on 255").get(), Style(fg: .indexed(0), bg: .indexed(255)))
    }

    func testBaseThemeFollowsTheName() {
        XCTAssertEqual(Config(theme: "monochrome").baseTheme.name, "monochrome")
        XCTAssertEqual(Config().baseTheme.name, "dark")
    }
}
