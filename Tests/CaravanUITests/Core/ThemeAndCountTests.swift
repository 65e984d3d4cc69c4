import XCTest

@testable import CaravanUI

/// Themes name every role; roles have names for config files; a count belongs to the
/// place it was typed in.
final class ThemeAndCountTests: XCTestCase {
    func testEveryThemeStylesEveryRole() {
        for theme in [Theme.dark, .light, .monochrome] {
            let styled = Role.allCases.filter { theme[$0] != .plain }
            XCTAssertGreaterThan(styled.count, 10, "\(theme.name) styles most roles")
            XCTAssertEqual(Theme.named(theme.name)?.name, theme.name)
        }
        XCTAssertNil(Theme.named("neon"))
        for role in Role.allCases {
            let style = Theme.monochrome[role]
            XCTAssertEqual(style.fg, .default, "monochrome has no colours: \(role)")
            XCTAssertEqual(style.bg, .default, "monochrome has no colours: \(role)")
        }
    }

    func testASelectionStandsOutInEveryTheme() {
        for theme in [Theme.dark, .light, .monochrome] {
            XCTAssertNotEqual(theme[.selection], theme[.text], theme.name)
            XCTAssertNotEqual(theme[.match], theme[.currentMatch], theme.name)
            XCTAssertNotEqual(theme[.border], theme[.focusedBorder], theme.name)
        }
    }

    func testSettingARoleChangesOnlyIt() {
        var theme = Theme.dark
        theme.set(.link, Style(fg: .red))
        XCTAssertEqual(theme[.link], Style(fg: .red))
        XCTAssertEqual(theme[.title], Theme.dark[.title])
    }

    func testRoleNamesAreKebabCaseAndReadBack() {
        XCTAssertEqual(Role.selectedLink.name, "selected-link")
        XCTAssertEqual(Role.statusMessage.name, "status-message")
        for role in Role.allCases {
            XCTAssertEqual(Role(name: role.name), role)
            XCTAssertFalse(role.name.contains { $0.isUppercase })
        }
        XCTAssertNil(Role(name: "selectedLink"))
    }

    // MARK: Counts

    func testDigitsBuildACountForThePlaceTheyAreTypedIn() {
        var count = CountPrefix<String>()
        XCTAssertTrue(count.add(.character("1"), in: "navigator"))
        XCTAssertTrue(count.add(.character("2"), in: "navigator"))
        XCTAssertEqual(count.value, 12)
        XCTAssertEqual(count.take(in: "reader"), 1, "another place gets no count")
        XCTAssertNil(count.value, "and the count is gone")
    }

    func testAZeroStartsNoCountAndACountIsBounded() {
        var count = CountPrefix<Int>()
        XCTAssertFalse(count.add(.character("0"), in: 1), "0 alone is a key of its own")
        XCTAssertTrue(count.add(.character("3"), in: 1))
        XCTAssertTrue(count.add(.character("0"), in: 1))
        XCTAssertEqual(count.value, 30)
        for _ in 0..<10 { _ = count.add(.character("9"), in: 1) }
        XCTAssertEqual(count.value, CountPrefix<Int>.maximum)
        XCTAssertFalse(count.add(.character("x"), in: 1))
        XCTAssertFalse(count.add(.control("1"), in: 1))
        XCTAssertEqual(count.take(in: 1), CountPrefix<Int>.maximum)
        XCTAssertEqual(count.take(in: 1), 1, "taken once")
    }

    func testDigitsInAnotherPlaceStartAFreshCount() {
        var count = CountPrefix<String>()
        _ = count.add(.character("4"), in: "matrix")
        _ = count.add(.character("2"), in: "map")
        XCTAssertEqual(count.value, 2)
        count.drop()
        XCTAssertNil(count.value)
        XCTAssertEqual(count.take(in: "map"), 1)
    }
}
