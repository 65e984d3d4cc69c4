import CaravanContent

/// The overlays over the panes: help, the note editor, the search and jump prompts and
/// the list of problems. Each takes keys while it is open.
extension Explorer {
    mutating func handleOverlay(_ key: Key) -> [Effect] {
        switch state.overlay {
        case .help(let scroll)?:
            let inner = HelpScreen.boxWidth(screenWidth: state.width) - 4
            let lines = HelpScreen.rows(keys: keys, width: inner).count
            let visible = max(1, state.height - 4)
            // A move scrolls the help; any other key closes it.
            guard let motion = keymap.action(for: key)?.motion else {
                state.overlay = nil
                return []
            }
            var help = ScrollState(offset: scroll)
            help.scroll(motion, paging: .list(visible: visible), visible: visible, total: lines)
            state.overlay = .help(scroll: help.offset)
        case .editor(var editor, let id)?:
            switch editor.handle(key, keymap: keys.editor) {
            case .editing:
                state.overlay = .editor(editor, id)
            case .save(let text):
                return saveFromEditor(editor, text: text, for: id)
            case .cancel:
                state.overlay = nil
                state.message = "Note not changed"
            }
        case .search(var search)?:
            switch search.handle(keys.prompts.input(for: key), in: searchContext) {
            case .editing:
                state.overlay = .search(search)
            case .close:
                state.overlay = nil
            case .nothing:
                state.overlay = nil
                if !search.query.isEmpty { state.message = "No results for “\(search.query)”" }
            case .open(let index):
                state.overlay = nil
                openResult(of: search, at: index)
            }
        case .jump(var jump)?:
            switch jump.handle(
                keys.prompts.input(for: key), lookup: lookup, screenHeight: state.height)
            {
            case .editing:
                state.overlay = .jump(jump)
            case .close:
                state.overlay = nil
            case .nothing:
                state.overlay = nil
                state.message = "Nothing matches “\(jump.text)”"
            case .open(let target):
                state.overlay = nil
                LineInput.remember(jump.text, in: &state.jumpHistory)
                switch target {
                case .view(let kind): showFramework(kind)
                case .entity(let id):
                    state.view = nil
                    open(id, pushing: true)
                    state.focus = .reader
                }
            }
        case .problems(var list)?:
            switch list.perform(keymap.action(for: key), model: model, height: state.height) {
            case .open(let id):
                state.overlay = nil
                state.view = nil
                open(id, pushing: true)
                setFocus(.reader)
            case .close: state.overlay = nil
            case .handled, .ignored: state.overlay = .problems(list)
            }
        case nil:
            break
        }
        return []
    }
}
