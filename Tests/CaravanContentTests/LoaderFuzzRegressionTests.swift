import Foundation
import XCTest

@testable import CaravanContent

/// Found by the content loader's fuzz target (Fuzz/Sources/FuzzContentLoader): YAML
/// breaks lines at a lone carriage return, so a problem after a string holding some was
/// reported tens of lines past the end of the file.
final class LoaderFuzzRegressionTests: XCTestCase {
    /// The fuzzer's input: a reference whose title holds 45 carriage returns, then a
    /// field written twice.
    private static let crashInput =
        "LS0tCmlkOiByZWZlcmVuY2Uvd2VuMjAxOApraW5kOiByZWZlcmVuY2UKdGl0bGU6ICJNZWFzdXJlcyB0byBzdHJlbmd0aGVuIGN1bHR1cmFsIGludGVncmF0aW9uIGluIHRoZSBHcmVhdCBCYXkgYXJlYQ0NDQ0NDQ0NDQ0NDQ0NDQ0NDQ0NDQ0NDQ0NDQ0NDQ0NDQ0NDQ0NDQ0NDQ0NDSBvZiBHdWFuZ2RvbmcsIEhvbmcgS29uZyBhbmQgTWFjYW8iCnN1bW1hcnk6IFN1cHBvcnRzIHRoZSBzZWN1cml0eSByb2xlIG9mIGN1bHR1cmFsIHpvbmVzIGluIGJvcmRlciBhcmVhcyBhbmQgdGhlIHBvbGljeSBzdXBwb3J0IGVuam95ZWQgYnkgY3VsdHVyIHN0cnVjdHVyZSBhbmQgY29tcGV0aXRpdmVuZXNzIG9mIENoaW5hJ3MgY3VsdHVyYWwgdHJhZGUiCnN1bW1hcnk6IEJhY2tzIHRoZSBjYWxsIGluIHNlY3Rpb24gNC4xIGZvciBuZXcgdGhlb3J5IHRvIGd1aWRlIGN1bHR1cmFsLWluZHVzdHJ5IGV4Y2hhbmdlIHVuZGVyIHRoZSBpbml0aWF0aXZlLgphdXRob3JzOiBbIkZhbmcsIFkuIiwgIkxpLCBILiIsICJTdW4sIEwuIl0KeWVhcjogMjAxNwp2ZW51ZTogQnVzaW5lc3MgUmVzZWFyY2gKdm9sdW1lOiAiMSIKcGFnZXM6ICIyMy0yOCIKLS0tCkNpdGVkIGluIFtzZWN0aW9uIDQuMV0oc2VjdGlvbi80LTEtZGl2aXNpb24tb2YtbGFib3IpLCBhZnRlciB0aGUgcGFwZXIgYXNrcyBob3cgY3VsdHVyYWwtaW5kdXN0cnkgZXhjaGFuZ2UgY2FuIGFkdmFuY2UgdGhlIGluaXRmdGVyIHRoZSBzY2hvbGFyc2hpcCBmaWd1cmVzLCBzZWN0bWVudGlvbnNkZHMgdGhhdAoiSXQiIGhhcyBwcm92aWRlZGVudWUgaXMgbm90IGl0YWxpY2lzZWQuCg=="

    private func diagnostics(_ bytes: [UInt8]) -> [Diagnostic] {
        ContentLoader.load(files: [SourceFile(path: "fuzz.md", bytes: bytes)]).diagnostics
    }

    func testTheFuzzersInputIsReportedInsideTheFile() throws {
        let bytes = try XCTUnwrap(Data(base64Encoded: Self.crashInput)).map { $0 }
        let lines = bytes.reduce(1) { $1 == 0x0A ? $0 + 1 : $0 }
        let found = diagnostics(bytes)
        XCTAssertFalse(found.isEmpty)
        for diagnostic in found {
            XCTAssertLessThanOrEqual(diagnostic.location.line, lines, diagnostic.formatted)
        }
        // Where the same file without its carriage returns has it: the first `summary`.
        let twice = try XCTUnwrap(found.first { $0.message.contains("written twice") })
        let plain = diagnostics(bytes.filter { $0 != 0x0D })
        let expected = try XCTUnwrap(plain.first { $0.message.contains("written twice") })
        XCTAssertEqual(twice.location.line, expected.location.line, twice.formatted)
        XCTAssertEqual(twice.location.line, 5, twice.formatted)
    }

    func testCarriageReturnsInAStringDoNotMoveLaterLines() throws {
        let text =
            "---\nid: concept/x\nkind: concept\ntitle: \"a\r\rb\r\"\nsummary: one\nsummary: two\n---\nBody.\n"
        let found = diagnostics(Array(text.utf8))
        let twice = try XCTUnwrap(found.first { $0.message.contains("written twice") })
        XCTAssertEqual(twice.location.line, 5, twice.formatted)
    }

    func testYAMLLineStartsCountEveryKindOfBreak() {
        let starts = EntityFileParser.lineStarts(ofYAML: "a\nb\rc\r\nd")
        XCTAssertEqual(starts.map(\.line), [0, 1, 1, 2])
        XCTAssertEqual(starts.map(\.column), [0, 0, 2, 0])
    }
}
