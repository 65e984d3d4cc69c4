import CaravanContent
import XCTest

@testable import CaravanUI

/// The jump prompt puts what was typed exactly first: a section number, a framework code,
/// an id or the tail of one, a title.
final class JumpRankingTests: XCTestCase {
    private func jump(_ text: String, file: StaticString = #filePath, line: UInt = #line) throws
        -> Explorer
    {
        var explorer = try makeExplorer(width: 120, height: 40)
        press(&explorer, ":", file: file, line: line)
        typeText(&explorer, text)
        press(&explorer, "Enter", file: file, line: line)
        XCTAssertNil(explorer.state.overlay, file: file, line: line)
        return explorer
    }

    func testAnExactSectionNumberOpensThatSection() throws {
        for (number, id) in [
            ("3a", "section/3-concepts"), ("3b", "section/3-products"), ("3c", "section/3-parks"),
            ("3", "section/3-role"), ("4.2", "section/4-2-docking-strategy"),
        ] {
            XCTAssertEqual(try jump(number).state.current, try entityID(id), ":\(number)")
        }
    }

    func testEveryFrameworkCodeOpensItsConnotationOrMechanism() throws {
        let index = FrameworkIndex(model: TestContent.model)
        var checked = 0
        for connotation in index.connotations {
            XCTAssertEqual(try jump(connotation.code).state.current, connotation.id)
            for mechanism in connotation.mechanisms {
                XCTAssertEqual(
                    try jump(mechanism.code).state.current, mechanism.id, ":\(mechanism.code)")
                XCTAssertEqual(
                    try jump(mechanism.code.lowercased()).state.current, mechanism.id,
                    ":\(mechanism.code.lowercased())")
                checked += 1
            }
        }
        XCTAssertGreaterThan(checked, 8, "the content has its mechanisms")
    }

    func testAnExactIDTailOrTitleComesFirst() throws {
        XCTAssertEqual(try jump("3-products").state.current, try entityID("section/3-products"))
        XCTAssertEqual(try jump("soft-power").state.current, try entityID("concept/soft-power"))
        XCTAssertEqual(
            try jump("Cultural brand").state.current, try entityID("concept/cultural-brand"))
        XCTAssertEqual(
            try jump("concept/dual-value").state.current, try entityID("concept/dual-value"))
    }

    func testThePromptListsTheExactMatchFirst() throws {
        var explorer = try makeExplorer(width: 120, height: 40)
        press(&explorer, ":")
        typeText(&explorer, "3b")
        let rows = dump(render(explorer)).components(separatedBy: "\n")
        let prompt = try XCTUnwrap(rows.firstIndex { $0.contains(":3b") })
        XCTAssertTrue(rows[prompt + 2].contains("3b Cultural product"), rows[prompt + 2])
    }
}
