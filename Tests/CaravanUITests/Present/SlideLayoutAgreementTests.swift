import CaravanContent
import XCTest

@testable import CaravanUI

/// `caravan check` estimates each slide at 80x24 with its own character widths; the
/// presenter lays it out with the terminal's. They must agree, or the warnings lie.
final class SlideLayoutAgreementTests: XCTestCase {
    func testCheckAndPresenterAgreeOnEveryLectureSlide() throws {
        let model = PresentFixture.model
        let deck = try PresentFixture.deck("deck/lecture")
        for (width, height) in [(80, 24), (60, 20), (120, 40), (40, 12)] {
            let geometry = SlideGeometry(width: width, height: height)
            for slide in deck.slides {
                let estimate = geometry.fit(slide, in: model)
                let screen = SlideScreen(
                    slide: slide, model: model, width: width, height: height, unicode: true)
                XCTAssertEqual(
                    estimate.needed, screen.body.rows, "\(slide.title) at \(width)x\(height)")
                XCTAssertEqual(
                    estimate.available, screen.bodyRows, "\(slide.title) at \(width)x\(height)")
            }
        }
    }

    func testTheBlockFontHasExactlyTheLettersTheGeometryMeasures() {
        for character in BlockFont.characters {
            let glyph = BlockFont.glyphs[character] ?? []
            XCTAssertEqual(glyph.count, 5, "\(character)")
            XCTAssertEqual(
                Set(glyph.map(\.count)).count, 1, "\(character): rows of one width")
            XCTAssertEqual(
                glyph.first?.count, SlideGeometry.bigGlyphWidth(character), "\(character)")
        }
        let printable = (32...126).compactMap { Unicode.Scalar($0).map(Character.init) }
        for character in printable where SlideGeometry.bigGlyphWidth(character) != nil {
            XCTAssertNotNil(BlockFont.glyphs[character], "the font lacks \(character)")
        }
    }

    func testLargeLettersTakeThreeRowsOrFiveInASCII() {
        let text = SlideGeometry.bigText("Hi, 2023!")
        let unicode = BlockFont.render(text, unicode: true)
        let ascii = BlockFont.render(text, unicode: false)
        XCTAssertEqual(unicode.count, 3)
        XCTAssertEqual(ascii.count, 5)
        let width = SlideGeometry.bigWidth(text)
        XCTAssertEqual(unicode.map { Grid.measure($0) }, Array(repeating: width ?? -1, count: 3))
        XCTAssertTrue(ascii.allSatisfy { $0.allSatisfy { $0 == "#" || $0 == " " } })
        XCTAssertEqual(ascii[0], "# # ###      ### ### ### ### #")
    }

    func testHostileTextStaysInsideItsCells() throws {
        let document = MarkdownParser.parse(
            "Bell \u{07} escape \u{1B}[2J wide 漢字漢字 bidi \u{202E}evil")
        let deck = Deck(
            id: try XCTUnwrap(EntityID("deck/hostile")), title: "Hostile",
            slides: [Slide(title: "T\u{1B}]0;x\u{07}itle", kind: .text(document), line: 1)],
            path: "x.md")
        let presenter = PresentFixture.presenter(deck, width: 30, height: 12)
        let grid = presenter.view().grid
        for cell in grid.cells {
            XCTAssertFalse(
                cell.grapheme.unicodeScalars.contains { $0.value < 0x20 || $0.value == 0x1B })
        }
    }
}
