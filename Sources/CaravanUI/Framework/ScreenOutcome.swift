import CaravanContent

/// What a framework screen did with a key, for the explorer to act on.
public enum ScreenOutcome: Equatable, Sendable {
    /// The key did something on the screen (or nothing useful): redraw and go on.
    case handled
    /// The screen has no use for the key: the explorer may treat it as its own.
    case ignored
    /// Open this entity in the reader.
    case open(EntityID)
    /// Leave the screen (Esc, Backspace or `q`).
    case close
}
