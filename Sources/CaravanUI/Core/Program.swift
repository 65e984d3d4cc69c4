import CaravanContent

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

/// A side effect a program asks for, after `update`. The ``ProgramRunner`` carries out
/// the first five itself; the rest are requests only the application can carry out
/// (``isHostRequest``), which the runner hands to the program's ``ProgramHost``.
public enum Effect: Hashable, Sendable {
    /// Leave the loop and restore the terminal.
    case quit
    /// Suspend like Ctrl-Z in a shell: restore the terminal, stop the job,
    /// and redraw everything when it is resumed (a `.resize` event follows).
    case suspend
    /// Ring the terminal bell.
    case bell
    /// Run another program in the terminal: the backend leaves full-screen mode,
    /// starts `arguments` directly (the first is the program, looked up in `PATH`; no
    /// shell is involved), waits for it to end and comes back with a full redraw. The
    /// program then gets `.externalFinished` with how it ended, and a `.resize`.
    case runExternal(arguments: [String])
    /// Start sending `.tick` events every so many milliseconds (a presenter's clock),
    /// or stop when nil. Without ticks an idle program costs no CPU.
    case ticks(every: Int?)
    /// Open the note on an entity in the user's editor.
    case editNote(EntityID)
    /// Start presenting from an entity: the deck it is, or the slide that shows it.
    case present(from: EntityID)
    /// Write the reader's state (place, marks, notes) where it is kept, now.
    case save
    /// Load the content again from its files (they changed: `.contentChanged`).
    case reloadContent
    /// Hand the presentation's status to the notes and followers watching it, and bring
    /// back their answers (`.external` said some wait): the host holds the channel.
    case broadcast

    /// Whether the runner leaves this effect to the program's host.
    public var isHostRequest: Bool {
        switch self {
        case .quit, .suspend, .bell, .runExternal, .ticks: false
        case .editNote, .present, .save, .reloadContent, .broadcast: true
        }
    }
}

/// An interactive program in the style of Elm: state changes only in ``update(_:)``
/// (and ``update(reply:)``), which return effects as values; ``view()`` draws the
/// current state and has no side effects. The terminal's size is part of the state:
/// the first event is a `.resize`, and so is every change of size.
///
/// A ``ProgramRunner`` drives it: draw `view`, wait for an event, call `update`, carry
/// out its effects in order (stopping at `.quit`), and repeat.
public protocol Program {
    /// What the program's ``ProgramHost`` answers to its requests (a save that was
    /// written, a note back from the editor). A program without a host has none.
    associatedtype Reply: Sendable = Never

    /// Handles one event and returns the effects to carry out, in order.
    mutating func update(_ event: InputEvent) -> [Effect]

    /// Handles the host's answer to a request, as ``update(_:)`` handles an event.
    mutating func update(reply: Reply) -> [Effect]

    /// Draws the current state at the size the last `.resize` gave. The backend clips
    /// or pads a grid of another size to the terminal.
    func view() -> Frame
}

extension Program where Reply == Never {
    public mutating func update(reply: Never) -> [Effect] {}
}

/// The part of an application that reaches outside its program: it carries out the
/// requests `update` returns (``Effect/isHostRequest``), such as writing the reader's
/// state or editing a note in the user's editor, and answers with replies that the
/// runner hands back to ``Program/update(reply:)``. Nothing but `update` changes the
/// program; the host only reads it.
public protocol ProgramHost<Hosted> {
    associatedtype Hosted: Program

    /// Carries out one request.
    ///
    /// - Parameters:
    ///   - program: the program as it is now, to read what the request needs.
    ///   - runExternal: runs another program on the terminal, as `.runExternal` does,
    ///     and says how it ended.
    /// - Returns: the replies for the program, in order.
    mutating func perform(
        _ request: Effect, for program: Hosted,
        runExternal: (_ arguments: [String]) -> ExternalResult
    ) -> [Hosted.Reply]
}

/// The host of a program that makes no requests: any that come are dropped.
public struct NoHost<Hosted: Program>: ProgramHost {
    public init() {}

    public func perform(
        _ request: Effect, for program: Hosted, runExternal: ([String]) -> ExternalResult
    ) -> [Hosted.Reply] { [] }
}
