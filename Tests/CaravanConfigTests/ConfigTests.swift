import CaravanConfig
import XCTest

final class ConfigTests: XCTestCase {
    func testDefaults() {
        _ = Config()
    }
}
