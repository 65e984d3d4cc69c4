import CaravanContent
import CaravanDefaultContent
import CaravanTestSupport
import CaravanUI
import Foundation
import XCTest

@testable import caravan

/// `--watch` through the real loop: the backend's `.contentChanged` becomes a request the
/// host carries out by reading the content again, and the explorer takes the new content
/// where it stands.
final class ReaderSessionReloadTests: ReaderSessionTestCase {
    func testAChangeIsReadByTheHostAndTheReaderStaysWhereItWas() throws {
        var session = try session(at: "section/3-products")
        let backend = TestBackend(
            script: TestBackend.keys("3 j") + [.events([.contentChanged])] + TestBackend.keys("q"))
        var loads = 0
        let reader = ReaderHost(
            store: nil, editor: nil,
            reload: {
                loads += 1
                return DefaultContent.load()
            })
        var host = ObservedHost(reader, backend: backend)
        let outcome = ProgramRunner(backend: backend).run(&session, host: &host)
        XCTAssertEqual(outcome, .quit)
        XCTAssertEqual(loads, 1)
        XCTAssertEqual(host.requests.filter { $0 == .reloadContent }.count, 1)
        XCTAssertEqual(session.explorer.state.current, try ReaderFixture.id("section/3-products"))
        XCTAssertEqual(session.explorer.state.readerScroll, 3, "the place is kept")
    }

    func testWithoutWatchingNothingIsRead() throws {
        var session = try session(at: "section/3-products")
        let backend = TestBackend(script: [.events([.contentChanged])] + TestBackend.keys("q"))
        let (_, host) = run(&session, on: backend, storing: false)
        XCTAssertEqual(host.requests.filter { $0 == .reloadContent }.count, 1, "asked")
        XCTAssertEqual(session.explorer.state.current, try ReaderFixture.id("section/3-products"))
    }
}
