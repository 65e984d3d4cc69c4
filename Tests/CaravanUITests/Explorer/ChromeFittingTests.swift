import CaravanContent
import XCTest

@testable import CaravanUI

/// The chrome's fitting rules at their edges: the title bar's trail when titles are wide
/// (in columns, CJK counting two), a pane header's aside and note only where they fit
/// whole, the too-small notice on the smallest screens and a prompt's input when it holds
/// wide or control characters.
final class ChromeFittingTests: XCTestCase {
    private func fit(_ parts: [String], _ width: Int) -> String {
        Breadcrumb.fit(parts, separator: " > ", ellipsis: "…", width: width)
    }

    // MARK: Breadcrumb

    func testATrailExactlyAsWideAsTheRoomIsWhole() {
        XCTAssertEqual(fit(["Caravan", "Cases", "End"], 21), "Caravan > Cases > End")
        XCTAssertEqual(fit(["Caravan", "Cases", "End"], 20), "…ravan > Cases > End")
    }

    func testTheLongestMiddlePartIsCutFirstAndTheOthersKept() {
        let parts = ["C", "middle one is long", "this middle is even longer", "End"]
        XCTAssertEqual(fit(parts, 50), "C > middle one is long > this middle is eve… > End")
    }

    func testAMiddlePartIsNotCutBelowADozenColumnsThenTheFrontGoes() {
        let parts = ["Caravan", "A very long middle part here", "Last"]
        XCTAssertEqual(fit(parts, 30), "Caravan > A very long… > Last")
        let narrow = fit(parts, 20)
        XCTAssertEqual(narrow, "…A very long… > Last")
        XCTAssertEqual(DisplayWidth.of(narrow), 20)
    }

    func testTheLastPartIsCutOnlyAfterTheMiddleOnes() {
        let parts = ["Caravan", "Short", "The Almaty Silk Road brand in a long title"]
        let fitted = fit(parts, 40)
        XCTAssertEqual(fitted, "Caravan > Short > The Almaty Silk Road…")
        XCTAssertLessThanOrEqual(DisplayWidth.of(fitted), 40)
    }

    func testASinglePartKeepsItsEnd() {
        XCTAssertEqual(fit(["Caravan"], 7), "Caravan")
        XCTAssertEqual(fit(["Caravan"], 3), "…an")
        XCTAssertEqual(fit([], 10), "")
    }

    func testWideTitlesAreMeasuredInColumns() {
        // Twelve CJK characters take 24 columns.
        let parts = ["Caravan", "文化产业与一带一路的关系", "软实力"]
        for width in [10, 16, 20, 25, 30, 40] {
            let fitted = fit(parts, width)
            XCTAssertLessThanOrEqual(DisplayWidth.of(fitted), width, "\(width): \(fitted)")
            XCTAssertTrue(fitted.hasSuffix("软实力"), "\(width): \(fitted)")
        }
        XCTAssertEqual(fit(parts, 40), "Caravan > 文化产业与一带一路的… > 软实力")
    }

    func testACutNeverSplitsAWideCharacterOrEndsInASpace() {
        XCTAssertEqual(Breadcrumb.cut("文化产业发展", to: 5, ellipsis: "…"), "文化…")
        XCTAssertEqual(Breadcrumb.cut("文化产业发展", to: 6, ellipsis: "…"), "文化…")
        XCTAssertEqual(Breadcrumb.cut("文化产业发展", to: 12, ellipsis: "…"), "文化产业发展")
        XCTAssertEqual(Breadcrumb.cut("ab   cdef", to: 6, ellipsis: "…"), "ab…")
        XCTAssertEqual(Breadcrumb.cut("abc", to: 3, ellipsis: "..."), "abc")
        XCTAssertEqual(Breadcrumb.cut("abcd", to: 3, ellipsis: "..."), "...")
    }

    func testTheTitleBarTrailFitsAtEveryWidth() throws {
        for width in [40, 41, 50, 63, 80, 120] {
            let explorer = try makeExplorer(
                width: width, height: 24, start: "case/almaty-silk-road-brand")
            let top = render(explorer).textLines()[0]
            XCTAssertTrue(top.hasPrefix(" "), "\(width): \(top)")
            XCTAssertLessThanOrEqual(DisplayWidth.of(top), width, "\(width): \(top)")
            XCTAssertTrue(top.contains("›") || top.contains(">"), "\(width): \(top)")
        }
    }

    // MARK: Pane header

    private func header(
        title: String, right: String = "", aside: String = "", width: Int,
        screenReader: Bool = false
    ) -> String {
        let header = PaneHeader(
            title: title, right: right, aside: aside, focused: false, screenReader: screenReader,
            look: Look(theme: .dark, glyphs: .ascii))
        var grid = Grid(width: width, height: 1)
        header.render(in: grid.bounds, into: &grid)
        return cellText(in: grid.bounds, of: grid)[0]
    }

    func testAnAsideFollowsTheTitleOnlyWhenBothFitWhole() {
        // " Culture " is nine columns, the aside eight, and six are kept for the rule.
        XCTAssertEqual(header(title: "Culture", aside: "文化产业", width: 23), "- Culture 文化产业 ----")
        XCTAssertEqual(header(title: "Culture", aside: "文化产业", width: 22), "- Culture ------------")
    }

    func testAnAsideMakesRoomForTheNote() {
        let both = header(title: "Culture", right: "3", aside: "文化产业", width: 24)
        XCTAssertTrue(both.contains("文化产业"), both)
        XCTAssertTrue(both.hasSuffix("3-"), both)
        let noteOnly = header(title: "Culture", right: "3", aside: "文化产业", width: 23)
        XCTAssertFalse(noteOnly.contains("文化"), noteOnly)
        XCTAssertTrue(noteOnly.hasSuffix("3-"), noteOnly)
    }

    func testACutTitleGetsNoAside() {
        let text = header(title: "A title too long for this", aside: "别名", width: 20)
        XCTAssertFalse(text.contains("别名"), text)
        XCTAssertTrue(text.hasPrefix("- A title"), text)
    }

    func testAHeaderInATinyRectStaysInIt() {
        for width in 0...6 {
            var grid = Grid(width: 10, height: 2)
            let header = PaneHeader(
                title: "Navigator", right: "99", aside: "导航", focused: true, screenReader: false,
                look: Look(theme: .dark, glyphs: .unicode))
            header.render(in: Rect(x: 2, y: 1, width: width, height: 1), into: &grid)
            let row = grid.textLines()[1]
            let outside = Array(row.prefix(2)) + Array(row.dropFirst(2 + width))
            XCTAssertTrue(outside.allSatisfy { $0 == " " }, "\(width): «\(row)»")
            XCTAssertEqual(grid.textLines()[0].trimmingCharacters(in: .whitespaces), "")
        }
    }

    func testAScreenReaderHeaderHasNoRuleButKeepsTheNote() {
        let text = header(title: "Links", right: "4 links", width: 30, screenReader: true)
        XCTAssertEqual(text, "  Links               4 links")
    }

    // MARK: Too-small notice

    private func notice(width: Int, height: Int, quitKey: String? = "q") -> [String] {
        var grid = Grid(width: width, height: height)
        TooSmallNotice(theme: .dark, quitKey: quitKey).render(in: grid.bounds, into: &grid)
        return grid.textLines().map { $0.trimmingCharacters(in: .whitespaces) }
    }

    func testANarrowScreenGetsTheShortNotice() {
        XCTAssertEqual(notice(width: 23, height: 5), ["", "Too small", "23x5", "q quits", ""])
        XCTAssertEqual(
            notice(width: 24, height: 5),
            ["", "Terminal too small", "24x5; needs 40x12", "q quits", ""])
    }

    func testTheNoticeWithoutAQuitKeyHasTwoLines() {
        XCTAssertEqual(notice(width: 30, height: 4, quitKey: nil)[1], "Terminal too small")
        XCTAssertEqual(notice(width: 30, height: 4, quitKey: nil)[2], "30x4; needs 40x12")
        XCTAssertEqual(notice(width: 10, height: 2, quitKey: nil), ["Too small", "10x2"])
    }

    func testANoticeTallerThanTheScreenKeepsItsFirstLines() {
        XCTAssertEqual(notice(width: 12, height: 1), ["Too small"])
        XCTAssertEqual(notice(width: 12, height: 2), ["Too small", "12x2"])
    }

    func testTheNoticeTellsTheSizeInTheExplorer() throws {
        var explorer = try makeExplorer(width: 80, height: 24)
        resize(&explorer, width: 39, height: 12)
        XCTAssertTrue(dump(render(explorer)).contains("39x12; needs 40x12"))
        resize(&explorer, width: 40, height: 11)
        XCTAssertTrue(dump(render(explorer)).contains("40x11; needs 40x12"))
        resize(&explorer, width: 40, height: 12)
        XCTAssertFalse(dump(render(explorer)).contains("too small"))
    }

    // MARK: Prompt line

    /// A prompt drawn on a row `width` columns wide: its text, and the cursor's column.
    private func prompt(_ prompt: String, _ input: String, width: Int) -> (String, Int) {
        let line = PromptLine(prompt: prompt, input: input, offered: false, theme: .dark)
        var grid = Grid(width: width, height: 1)
        line.render(in: grid.bounds, into: &grid)
        return (cellText(in: grid.bounds, of: grid)[0], line.cursor(in: grid.bounds).x)
    }

    func testAWidePromptInputKeepsItsEndWithinTheRow() {
        // Eight columns for the input: four CJK characters, the last column for the cursor.
        let (text, cursor) = prompt("/", "文化产业软实力", width: 10)
        XCTAssertEqual(text, "/业软实力")
        XCTAssertEqual(cursor, 9)
    }

    func testControlCharactersInAPromptInputAreShownVisibly() {
        let (text, cursor) = prompt(":", "a\u{1B}[2Jb\u{7}", width: 30)
        XCTAssertFalse(text.unicodeScalars.contains { $0.value < 0x20 }, text)
        XCTAssertTrue(text.hasPrefix(":a"), text)
        XCTAssertTrue(text.contains("[2Jb"), text)
        XCTAssertEqual(cursor, 1 + DisplayWidth.of(Sanitizer.visible("a\u{1B}[2Jb\u{7}")))
    }

    func testAPromptWiderThanItsRowLeavesNoRoomForInput() {
        let (text, cursor) = prompt("Jump to: ", "soft", width: 6)
        XCTAssertEqual(text, "Jump t")
        XCTAssertEqual(cursor, 6, "the cursor stays at the row's end")
    }
}
