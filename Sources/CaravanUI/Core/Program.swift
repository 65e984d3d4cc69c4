/// What a backend shows: a grid and where the terminal's cursor goes.
public struct Frame: Sendable {
    public var grid: Grid
    /// Where to show the terminal cursor (a text field, say); nil hides it.
    public var cursor: (x: Int, y: Int)?

    public init(grid: Grid, cursor: (x: Int, y: Int)? = nil) {
        self.grid = grid
        self.cursor = cursor
    }
}

/// A side effect a program asks the backend to carry out, after `update`.
public enum Effect: Hashable, Sendable {
    /// Leave the loop and restore the terminal.
    case quit
    /// Suspend like Ctrl-Z in a shell: restore the terminal, stop the job,
    /// and redraw everything when it is resumed (a `.resize` event follows).
    case suspend
    /// Ring the terminal bell.
    case bell
    /// Run another program in the terminal (an editor, say): the backend
    /// leaves full-screen mode, starts `arguments` directly (the first is the
    /// program, looked up in `PATH`; no shell is involved), waits for it to
    /// end, and comes back with a full redraw and a `.resize` event. The bell
    /// rings if the program cannot be started.
    case runExternal(arguments: [String])
    /// Start sending `.tick` events every so many milliseconds (a presenter's clock),
    /// or stop when nil. Without ticks an idle program costs no CPU.
    case ticks(every: Int?)
}

/// An interactive program in the style of Elm: state changes only in
/// ``update(_:)``, which returns effects as values; ``view(width:height:)``
/// draws the current state and has no side effects.
///
/// The backend loop: draw `view`, wait for an event, call `update`, carry out
/// its effects in order (stopping at `.quit`), and repeat.
public protocol Program {
    /// Handles one event and returns the effects to carry out, in order.
    mutating func update(_ event: InputEvent) -> [Effect]

    /// Draws the current state for a terminal of the given size. The grid
    /// should have exactly that size; the backend clips or pads it otherwise.
    func view(width: Int, height: Int) -> Frame
}
