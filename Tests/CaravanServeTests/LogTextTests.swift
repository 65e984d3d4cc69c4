import XCTest

@testable import CaravanServe

/// Every string a client sends is untrusted in the log too.
final class LogTextTests: XCTestCase {
    func testLogTextShowsControlCharactersAsEscapes() {
        XCTAssertEqual(
            ServeLog.visible("SSH-1.5-\u{1b}[2J\r2026 forged\\x\u{202e}"),
            #"SSH-1.5-\x1b[2J\x0d2026 forged\x\u{202e}"#)
        XCTAssertEqual(ServeLog.visible("plain: café"), "plain: café")
    }
}
