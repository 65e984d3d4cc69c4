import XCTest

@testable import CaravanUI

/// One set of glyphs decides what every view draws, for UTF-8 and for ASCII terminals.
final class GlyphsTests: XCTestCase {
    /// Every string field, by name, through reflection: a field added later is checked too.
    private func strings(_ glyphs: Glyphs) -> [(name: String, text: String)] {
        Mirror(reflecting: glyphs).children.compactMap { child in
            guard let name = child.label, let text = child.value as? String else { return nil }
            return (name, text)
        }
    }

    func testTheASCIISetHoldsOnlyPrintableASCII() {
        let fields = strings(.ascii)
        XCTAssertGreaterThan(fields.count, 20, "the fields are read")
        for (name, text) in fields {
            XCTAssertFalse(text.isEmpty, "\(name) is empty")
            XCTAssertTrue(
                text.unicodeScalars.allSatisfy { $0.value >= 0x20 && $0.value < 0x7F },
                "\(name) is «\(text)»")
        }
        let box = Glyphs.ascii.box
        for character in [
            box.horizontal, box.vertical, box.topLeft, box.topRight, box.bottomLeft,
            box.bottomRight, box.teeLeft, box.teeRight, box.teeDown, box.teeUp, box.cross,
        ] {
            XCTAssertTrue(character.isASCII, "box character «\(character)»")
        }
    }

    func testBothSetsHaveTheSameFieldsAndDifferWhereUnicodeHelps() {
        let unicode = strings(.unicode)
        let ascii = strings(.ascii)
        XCTAssertEqual(unicode.map(\.name), ascii.map(\.name))
        XCTAssertNotEqual(Glyphs.unicode.box, Glyphs.ascii.box)
        // Each Unicode glyph stands for something the ASCII set spells another way.
        for (mine, theirs) in zip(unicode, ascii) {
            XCTAssertNotEqual(mine.text, theirs.text, "\(mine.name) is the same in both sets")
        }
    }

    /// Marks that take one column in a tree, a table or a bar must stay one column wide, or
    /// the rows they lead would shift.
    func testOneColumnMarksAreOneColumnInBothSets() {
        for glyphs in [Glyphs.unicode, .ascii] {
            for mark in [
                glyphs.folded, glyphs.unfolded, glyphs.visited, glyphs.mark, glyphs.blank,
                glyphs.bullet, glyphs.cut, glyphs.progressDone, glyphs.progressLeft,
                glyphs.arrowUp, glyphs.arrowDown,
            ] {
                XCTAssertEqual(
                    Grid.measure(mark), 1, "«\(mark)» in the unicode=\(glyphs.isUnicode) set")
            }
        }
    }

    func testCapabilitiesAndTheFlagPickTheSameSet() {
        XCTAssertEqual(Glyphs(unicode: true), .unicode)
        XCTAssertEqual(Glyphs(unicode: false), .ascii)
        XCTAssertEqual(Capabilities.full.glyphs, .unicode)
        XCTAssertEqual(Capabilities.minimal.glyphs, .ascii)
        XCTAssertEqual(Capabilities(colors: .palette256, unicode: false).glyphs, .ascii)
    }

    func testRuleRepeatsTheHorizontalLine() {
        XCTAssertEqual(Glyphs.unicode.rule(3), "───")
        XCTAssertEqual(Glyphs.ascii.rule(4), "----")
        XCTAssertEqual(Glyphs.ascii.rule(-2), "", "a negative width draws nothing")
    }
}
