import CNcursesw
import CaravanUI

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// Waiting for input: keys, mouse reports, signals and resizes become events.
extension TerminalSession {
    /// Waits without using CPU until a key, a resize or a signal arrives, or `timeout`
    /// milliseconds pass, and returns the events that came. After the input has closed,
    /// returns `.terminate` at once.
    public func events(waitingAtMost timeout: Int?) -> [InputEvent] {
        if pending.isEmpty {
            guard isOpen, !inputClosed else { return [.terminate] }
            waitForInput(timeout: timeout)
        }
        defer { pending = [] }
        return pending
    }

    private func waitForInput(timeout: Int?) {
        var descriptors = [
            pollfd(fd: STDIN_FILENO, events: Int16(POLLIN), revents: 0),
            pollfd(fd: relay.readDescriptor, events: Int16(POLLIN), revents: 0),
        ]
        if let extraInput {
            descriptors.append(pollfd(fd: extraInput, events: Int16(POLLIN), revents: 0))
        }
        let watched = watcher.map { watcher -> Int in
            descriptors.append(pollfd(fd: watcher.descriptor, events: Int16(POLLIN), revents: 0))
            return descriptors.count - 1
        }
        // A change waiting for the files to go quiet shortens the wait.
        let untilChange = changeDue.map { max(0, $0 - milliseconds) }
        let wait = [timeout, untilChange].compactMap { $0 }.min()
        let limit = wait.map { Int32(clamping: max(0, $0)) } ?? -1
        let ready = poll(&descriptors, nfds_t(descriptors.count), limit)
        if ready < 0 {
            if errno != EINTR && errno != EAGAIN {
                closeInput()
            }
            return
        }
        if let watched, descriptors[watched].revents != 0, watcher?.drain() == true {
            changeDue = milliseconds + quietMilliseconds
        }
        if let due = changeDue, milliseconds >= due {
            changeDue = nil
            pending.append(.contentChanged)
        }
        if descriptors[1].revents != 0 {
            for number in relay.drain() {
                handle(signal: number)
            }
        }
        let input = Int32(descriptors[0].revents)
        if input & Int32(POLLIN) != 0 {
            readInput()
        }
        if input & Int32(POLLHUP | POLLERR | POLLNVAL) != 0 {
            closeInput()
        }
        if extraInput != nil {
            let extra = Int32(descriptors[2].revents)
            if extra != 0 { pending.append(.external) }
            if extra & Int32(POLLIN) == 0 && extra & Int32(POLLHUP | POLLERR | POLLNVAL) != 0 {
                extraInput = nil
            }
        }
    }

    /// Reads every key ncurses can decode now. Input that is readable but
    /// empty is the end of file; input that stays readable without being
    /// consumed is treated as a dead terminal rather than spun on.
    private func readInput() {
        let available = caravan_bytes_available(STDIN_FILENO)
        if available == 0 {
            closeInput()
            return
        }
        let window = caravan_stdscr()
        var value: UInt32 = 0
        var decodedAny = false
        while isOpen {
            errno = 0
            let status = caravan_get_wch(window, &value)
            if status == ERR {
                if errno == EIO { closeInput() }
                break
            }
            decodedAny = true
            let decoded =
                status == KEY_CODE_YES
                ? KeyDecoder.decode(keyCode: Int32(bitPattern: value))
                : KeyDecoder.decode(character: value)
            switch decoded {
            case .event(let event):
                pending.append(event)
            case .resize:
                updateSize()
            case .mouse:
                readMouse()
            case .ignored:
                break
            }
        }
        if decodedAny || caravan_bytes_available(STDIN_FILENO) < available {
            stalledReads = 0
        } else {
            stalledReads += 1
            if stalledReads > 100 { closeInput() }
        }
    }

    private func readMouse() {
        var x: Int32 = 0
        var y: Int32 = 0
        let kind: MouseEvent.Kind
        switch caravan_get_mouse(&x, &y) {
        case 1: kind = .click
        case 2: kind = .wheelUp
        case 3: kind = .wheelDown
        default: return
        }
        pending.append(.mouse(MouseEvent(kind: kind, x: Int(x), y: Int(y))))
    }

    private func closeInput() {
        guard !inputClosed else { return }
        inputClosed = true
        pending.append(.terminate)
    }

    func handle(signal number: Int32) {
        switch number {
        case SIGINT:
            pending.append(.interrupt)
        case SIGTERM, SIGHUP, SIGQUIT:
            if endingSignal == nil {
                endingSignal = number
                pending.append(.terminate)
            }
        case SIGTSTP:
            suspend()
        case SIGWINCH:
            updateSize()
        case SIGCONT:
            // Resumed after a stop we did not ask for: the shell may have
            // changed the terminal modes and the screen.
            reset_prog_mode()
            invalidate()
            updateSize(alwaysReport: true)
        default:
            break
        }
    }

    /// Asks the terminal for its size, tells ncurses, and queues a `.resize`
    /// event when the size differs from the last one reported.
    func updateSize(alwaysReport: Bool = false) {
        var rows: Int32 = 0
        var columns: Int32 = 0
        if caravan_window_size(STDOUT_FILENO, &rows, &columns) == 0,
            rows != caravan_lines() || columns != caravan_columns()
        {
            resizeterm(rows, columns)
        }
        size = (Int(caravan_columns()), Int(caravan_lines()))
        if alwaysReport || size.width != reportedSize.width || size.height != reportedSize.height {
            reportedSize = size
            invalidate()
            pending.append(.resize(width: size.width, height: size.height))
        }
    }
}
