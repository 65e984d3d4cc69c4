import CaravanContent

/// Where the reader has been: opening and previewing entities, going back and forward,
/// returning to the view an entity was opened from, and marks.
extension Explorer {
    /// Shows an entity without adding to history (previewing from the navigator).
    mutating func show(_ id: EntityID) {
        guard model.contains(id) else { return }
        state.recordPlace()
        state.current = id
        state.history[state.historyIndex] = HistoryEntry(id: id, scroll: 0)
        enter(id, scroll: 0)
    }

    /// Opens an entity, adding it to history.
    mutating func open(_ id: EntityID, pushing: Bool) {
        guard model.contains(id) else {
            state.message = "No such entity: \(id)"
            return
        }
        if pushing {
            state.recordPlace()
            if state.history[state.historyIndex].id != id {
                state.history.removeSubrange((state.historyIndex + 1)...)
                state.history.append(HistoryEntry(id: id, scroll: 0))
                state.historyIndex = state.history.count - 1
                if state.history.count > 500 {
                    state.history.removeFirst(state.history.count - 500)
                    state.historyIndex = state.history.count - 1
                }
            }
        }
        state.current = id
        enter(id, scroll: 0)
        revealInNavigator(id)
    }

    mutating func enter(_ id: EntityID, scroll: Int) {
        state.selectedLink = nil
        state.currentMatch = nil
        state.visited.insert(id)
        context = ContextList(for: id, in: model, note: state.notes[id])
        state.context = ScrollState(selection: context.entryIndexes.first ?? 0)
        refreshPage()
        state.reader.offset = scroll
        clampReader()
    }

    mutating func goBack(_ count: Int) {
        guard state.historyIndex > 0 else {
            state.message = "At the start of history"
            return
        }
        state.recordPlace()
        state.historyIndex = max(0, state.historyIndex - count)
        restoreHistoryEntry()
    }

    mutating func goForward(_ count: Int) {
        guard state.historyIndex < state.history.count - 1 else {
            state.message = "At the end of history"
            return
        }
        state.recordPlace()
        state.historyIndex = min(state.history.count - 1, state.historyIndex + count)
        restoreHistoryEntry()
    }

    mutating func restoreHistoryEntry() {
        if let saved = state.viewToReturnTo, saved.historyIndex == state.historyIndex {
            // Back to the view the entity was opened from, as it was left.
            state.view = saved.view
            state.viewToReturnTo = nil
        }
        let entry = state.history[state.historyIndex]
        state.current = entry.id
        enter(entry.id, scroll: entry.scroll)
        state.restoreSelections(of: entry, links: page.links.count, contextRows: context.rows.count)
        keepContextSelectionVisible()
        revealInNavigator(entry.id)
    }

    /// Restores a reading position: the entity, its scroll and the history that led to it.
    mutating func restore(history: [HistoryEntry], index: Int) {
        let valid = history.filter { model.contains($0.id) }
        guard !valid.isEmpty else { return }
        state.history = valid
        state.historyIndex = min(max(0, index), valid.count - 1)
        restoreHistoryEntry()
    }

    // MARK: Marks

    mutating func handleMark(_ command: MarkCommand, _ key: Key) {
        guard case .character(let letter) = key else {
            state.message = "No mark: marks are letters"
            return
        }
        switch command {
        case .set:
            guard letter.isLetter else {
                state.message = "No mark: marks are letters"
                return
            }
            state.marks[letter] = HistoryEntry(id: state.current, scroll: state.reader.offset)
            state.message = "Mark \(letter) set"
        case .jump:
            if letter == "'" {
                goBack(1)
                return
            }
            guard let mark = state.marks[letter], model.contains(mark.id) else {
                state.message = "No mark \(letter)"
                return
            }
            state.view = nil
            open(mark.id, pushing: true)
            state.reader.offset = mark.scroll
            clampReader()
            setFocus(.reader)
        }
    }
}
