/// Something that happened at the terminal, delivered to ``Program/update(_:)``.
public enum InputEvent: Hashable, Sendable {
    /// A key was pressed.
    case key(Key)
    /// The terminal has this many columns and rows: sent first when the loop
    /// starts, on every resize, and after the program comes back from a
    /// suspension or an external program (the size may have changed unseen).
    case resize(width: Int, height: Int)
    /// A mouse click or wheel turn (only when the backend enables the mouse).
    case mouse(MouseEvent)
    /// Ctrl-C or SIGINT. Return `.quit` unless there is something to cancel.
    case interrupt
    /// SIGTERM, SIGHUP, or the input closed (end of file, I/O error). The
    /// backend ends the loop after this event whatever effects are returned;
    /// it is the last chance to save state.
    case terminate
    /// A clock tick, sent only to a program that asked the backend for them
    /// (`TerminalSession.Options.tickInterval`): a presenter's clock, say.
    case tick
    /// Another input the backend watches besides the terminal became readable
    /// (`TerminalSession.Options.extraInput`); the program reads it itself.
    case external
}

/// A mouse action at a cell (0-based column and row).
public struct MouseEvent: Hashable, Sendable {
    public enum Kind: Hashable, Sendable {
        case click
        case wheelUp
        case wheelDown
    }

    public var kind: Kind
    public var x: Int
    public var y: Int

    public init(kind: Kind, x: Int, y: Int) {
        self.kind = kind
        self.x = x
        self.y = y
    }
}
