import CaravanDefaultContent
import XCTest

@testable import CaravanContent

/// The framework's codes: given by the author with `code:`, or made short and unique.
final class FrameworkCodeTests: XCTestCase {
    private func part(_ slug: String, _ title: String, order: Int, code: String? = nil)
        -> SourceFile
    {
        entityFile(
            "parts/\(slug).md",
            "id: connotation/\(slug)\nkind: connotation\ntitle: \(title)\nfield: f\nlever: l\n"
                + "order: \(order)\n" + (code.map { "code: \($0)\n" } ?? ""))
    }

    private func mechanism(
        _ slug: String, of owner: String, parent: Bool = false, order: Int = 1,
        code: String? = nil
    ) -> SourceFile {
        entityFile(
            "mechanisms/\(slug).md",
            "id: mechanism/\(slug)\nkind: mechanism\ntitle: \(slug)\n"
                + (parent ? "parent: mechanism/\(owner)\n" : "connotation: connotation/\(owner)\n")
                + "order: \(order)\n" + (code.map { "code: \($0)\n" } ?? ""))
    }

    func testTheBuiltInPaperKeepsItsCodes() {
        let framework = DefaultContent.load().framework
        XCTAssertEqual(framework.connotations.map(\.code), ["H", "E", "S"])
        let codes = Set(framework.codes.values)
        for code in ["H1", "H2", "H2a", "H2b", "E1", "E2", "S2", "S2a"] {
            XCTAssertTrue(codes.contains(code), code)
        }
        XCTAssertEqual(codes.count, framework.codes.count, "no two the same")
    }

    /// Five parts whose first letters repeat got `C4`, `C5` and mechanisms `C41`...`C52`.
    func testPartsWhoseLettersRepeatGetShortLetterCodes() {
        let model = load(
            part("policy", "Policy coordination", order: 1),
            part("facilities", "Facilities connectivity", order: 2),
            part("trade", "Unimpeded trade", order: 3),
            part("finance", "Financial integration", order: 4),
            part("people", "People-to-people bonds", order: 5),
            mechanism("banks", of: "finance"), mechanism("funds", of: "finance", order: 2),
            mechanism("schools", of: "people"), mechanism("staff", of: "schools", parent: true))
        let framework = model.framework
        XCTAssertEqual(framework.connotations.map(\.code), ["P", "F", "U", "FI", "PB"])
        let codes = framework.codes
        XCTAssertEqual(codes[EntityID("mechanism/banks")!], "FI1")
        XCTAssertEqual(codes[EntityID("mechanism/funds")!], "FI2")
        XCTAssertEqual(codes[EntityID("mechanism/staff")!], "PB1a")
        for connotation in framework.connotations {
            XCTAssertFalse(connotation.code.contains { $0.isNumber }, connotation.code)
            XCTAssertLessThanOrEqual(connotation.code.count, 2)
        }
        XCTAssertEqual(
            Set(codes.values.map { $0.uppercased() }).count, codes.count, "unique in any case")
    }

    func testAnAuthorsCodesAreUsedAndOthersStepAroundThem() {
        let model = load(
            part("policy", "Policy", order: 1, code: "P1"),
            part("people", "People", order: 2),
            mechanism("a", of: "people"), mechanism("b", of: "people", order: 2, code: "PP"),
            mechanism("c", of: "policy"))
        XCTAssertEqual(model.diagnostics.map(\.formatted), [])
        let codes = model.framework.codes
        XCTAssertEqual(codes[EntityID("connotation/policy")!], "P1")
        // `P` is free: P1 is the author's code for a part, not P's first mechanism.
        XCTAssertEqual(codes[EntityID("connotation/people")!], "P")
        XCTAssertEqual(codes[EntityID("mechanism/a")!], "P2", "P1 is taken, so the next")
        XCTAssertEqual(codes[EntityID("mechanism/b")!], "PP")
        XCTAssertEqual(codes[EntityID("mechanism/c")!], "P11")
    }

    func testTwoEqualCodesAreAnErrorAtTheSecond() {
        let model = load(
            part("one", "One", order: 1, code: "X"), part("two", "Two", order: 2, code: "x"),
            entityFile(
                "parts/three.md",
                "id: connotation/three\nkind: connotation\ntitle: Three\nfield: f\nlever: l\n"
                    + "code: has space\n"))
        assertDiagnostic(
            model.diagnostics, .error, path: "parts/two.md", line: 8, column: 1,
            message: "code `x` is already the code of `connotation/one` (parts/one.md:8)")
        assertDiagnostic(
            model.diagnostics, .error, path: "parts/three.md", line: 7, column: 7,
            message: "`code` must be one to eight letters, digits")
        // The second still gets a code of its own.
        XCTAssertNotEqual(
            model.framework.codes[EntityID("connotation/two")!]?.uppercased(), "X")
    }

    func testPartsBeyondTheAlphabet() {
        XCTAssertEqual(FrameworkCodes.letters(0), "a")
        XCTAssertEqual(FrameworkCodes.letters(25), "z")
        XCTAssertEqual(FrameworkCodes.letters(26), "aa")
        XCTAssertEqual(FrameworkCodes.letters(27), "ab")
        XCTAssertEqual(FrameworkCodes.suffix(2, depth: 2), ".3")
        XCTAssertEqual(FrameworkCodes.connotationCandidates("文化").first, "A", "no Latin letter")
    }
}
