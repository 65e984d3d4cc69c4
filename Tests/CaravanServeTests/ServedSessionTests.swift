import XCTest

@testable import CaravanServe

final class ServedSessionTests: XCTestCase {
    func testAKeyFolderNameIsOneSafeName() {
        XCTAssertEqual(
            ServedSession.folderName(fingerprint: "SHA256:ab+c/d9"), "ab-c_d9")
        XCTAssertEqual(ServedSession.folderName(fingerprint: "SHA256:../x"), "___x")
    }
}
