import XCTest

@testable import CaravanStore

final class ReaderStateTests: XCTestCase {
    func testFreshStateIsEmpty() {
        let state = ReaderState(contentIdentity: "c")
        XCTAssertEqual(state.version, ReaderState.currentVersion)
        XCTAssertTrue(state.marks.isEmpty)
    }
}
