import CaravanUI
import TOMLKit

/// The user's settings from `config.toml`.
public struct Config: Sendable {
    public init() {}
}
