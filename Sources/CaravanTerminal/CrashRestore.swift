import CNcursesw

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

// If the process dies of a fatal signal (a trap, a fault, abort) while the
// terminal is in full-screen mode, the handler below puts back the terminal
// modes saved at start-up and writes the terminal's "leave full screen, show
// cursor, reset attributes" strings, using only tcsetattr(3) and write(2).
// It then reinstates the previous action and raises the signal again, so the
// process still dies the way it would have (with its backtrace or core).

private let fatalSignals: [Int32] = [SIGSEGV, SIGBUS, SIGILL, SIGFPE, SIGTRAP, SIGABRT]
private let signalSlots = 65

nonisolated(unsafe) private var crashArmed = false
nonisolated(unsafe) private var crashModes = UnsafeMutablePointer<termios>.allocate(capacity: 1)
nonisolated(unsafe) private var crashBytes = UnsafeMutableBufferPointer<UInt8>.allocate(
    capacity: 256)
nonisolated(unsafe) private var crashByteCount = 0
nonisolated(unsafe) private var crashPreviousActions = UnsafeMutablePointer<sigaction>.allocate(
    capacity: signalSlots)

private func restoreTerminalAfterCrash(_ number: Int32) {
    if crashArmed {
        crashArmed = false
        _ = tcsetattr(STDOUT_FILENO, TCSANOW, crashModes)
        if let base = crashBytes.baseAddress, crashByteCount > 0 {
            _ = write(STDOUT_FILENO, base, crashByteCount)
        }
    }
    if number >= 0 && number < signalSlots {
        sigaction(number, crashPreviousActions + Int(number), nil)
    }
    raise(number)
}

/// Arms and disarms the crash handler.
enum CrashRestore {
    /// Remembers the terminal modes to put back; call before curses starts.
    static func saveModes() -> Bool {
        tcgetattr(STDOUT_FILENO, crashModes) == 0
    }

    /// Remembers the terminal's restore strings (call once curses has started)
    /// and installs the handler.
    static func arm() {
        var bytes: [UInt8] = []
        for capability in ["rmcup", "cnorm", "sgr0"] {
            bytes += terminfoString(capability)
        }
        crashByteCount = min(bytes.count, crashBytes.count)
        for index in 0..<crashByteCount {
            crashBytes[index] = bytes[index]
        }
        for number in fatalSignals where number < signalSlots {
            var action = makeSignalAction(restoreTerminalAfterCrash)
            sigaction(number, &action, crashPreviousActions + Int(number))
        }
        crashArmed = true
    }

    /// Puts the previous actions back.
    static func disarm() {
        crashArmed = false
        for number in fatalSignals where number < signalSlots {
            sigaction(number, crashPreviousActions + Int(number), nil)
        }
    }

    /// A terminfo string capability without its padding (`$<5>`), or nothing.
    private static func terminfoString(_ name: String) -> [UInt8] {
        guard let value = tigetstr(name), Int(bitPattern: value) != -1 else { return [] }
        var result: [UInt8] = []
        var inPadding = false
        var pointer = UnsafeRawPointer(value).assumingMemoryBound(to: UInt8.self)
        var previous: UInt8 = 0
        while pointer.pointee != 0 {
            let byte = pointer.pointee
            if inPadding {
                if byte == UInt8(ascii: ">") { inPadding = false }
            } else if previous == UInt8(ascii: "$") && byte == UInt8(ascii: "<") {
                result.removeLast()
                inPadding = true
            } else {
                result.append(byte)
            }
            previous = byte
            pointer += 1
        }
        return result
    }
}
