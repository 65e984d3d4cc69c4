import XCTest

@testable import CaravanUI

final class CoreColorTests: XCTestCase {
    func testDefaultHasNoPaletteEntry() {
        XCTAssertNil(Color.default.paletteIndex(colorCount: 256))
        XCTAssertNil(Color.red.paletteIndex(colorCount: 0), "no colours at all")
    }

    func testNamedColours() {
        XCTAssertEqual(Color.red.paletteIndex(colorCount: 8), 1)
        XCTAssertEqual(Color.brightRed.paletteIndex(colorCount: 256), 9)
        XCTAssertEqual(
            Color.brightRed.paletteIndex(colorCount: 8), 1, "bright falls back to normal")
        XCTAssertEqual(Color.white.ansiIndex, 7)
    }

    func testIndexedColoursFallBackToNearestANSI() {
        XCTAssertEqual(Color.indexed(208).paletteIndex(colorCount: 256), 208)
        XCTAssertEqual(Color.indexed(196).paletteIndex(colorCount: 16), 9, "pure red is bright red")
        XCTAssertEqual(Color.indexed(196).paletteIndex(colorCount: 8), 1)
        XCTAssertEqual(Color.indexed(16).paletteIndex(colorCount: 8), 0, "cube black is black")
        XCTAssertEqual(
            Color.indexed(231).paletteIndex(colorCount: 16), 15, "cube white is bright white")
        XCTAssertEqual(Color.indexed(232).paletteIndex(colorCount: 8), 0, "darkest grey is black")
        XCTAssertEqual(Color.indexed(12).paletteIndex(colorCount: 8), 4)
        for value in 0...255 {
            let index = Color.indexed(UInt8(value)).paletteIndex(colorCount: 8)
            XCTAssertNotNil(index)
            XCTAssertTrue((0..<8).contains(index ?? -1))
        }
    }

    func testCapabilitiesChooseCharacters() {
        XCTAssertEqual(Capabilities(colors: .none, unicode: false).glyphs, .ascii)
        XCTAssertEqual(Capabilities.full.glyphs.box, .unicode)
        XCTAssertEqual(Capabilities.minimal.glyphs.ellipsis, "...")
        XCTAssertTrue(Capabilities.ColorSupport.none < .ansi8)
        for character in [BoxChars.ascii.horizontal, BoxChars.ascii.cross, BoxChars.ascii.vertical]
        {
            XCTAssertTrue(character.isASCII)
        }
    }
}
