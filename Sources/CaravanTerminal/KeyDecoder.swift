import CNcursesw
import CaravanUI

/// What one `wget_wch` result means.
public enum DecodedInput: Equatable {
    case event(InputEvent)
    /// The terminal was resized (KEY_RESIZE): ask for the new size.
    case resize
    /// A mouse report is waiting (KEY_MOUSE).
    case mouse
    /// Nothing we use (a C1 control, an unknown function key).
    case ignored
}

/// Maps ncurses key codes and characters to backend-neutral events.
public enum KeyDecoder {
    /// Decodes a character (`wget_wch` returned OK).
    public static func decode(character value: UInt32) -> DecodedInput {
        switch value {
        case 3:
            return .event(.interrupt)
        case 9:
            return .event(.key(.tab))
        case 10, 13:
            return .event(.key(.enter))
        case 27:
            return .event(.key(.escape))
        case 8, 127:
            return .event(.key(.backspace))
        case 0:
            return .event(.key(.control(" ")))
        case 1...26:
            return .event(.key(.control(Character(Unicode.Scalar(UInt8(value + 96))))))
        case 28:
            return .event(.key(.control("\\")))
        case 29:
            return .event(.key(.control("]")))
        case 30:
            return .event(.key(.control("^")))
        case 31:
            return .event(.key(.control("_")))
        case 0x80...0x9F:
            return .ignored
        default:
            guard let scalar = Unicode.Scalar(value) else { return .ignored }
            return .event(.key(.character(Character(scalar))))
        }
    }

    /// Decodes a function key code (`wget_wch` returned KEY_CODE_YES).
    public static func decode(keyCode code: Int32) -> DecodedInput {
        if let key = namedKeys[code] {
            return .event(.key(key))
        }
        switch code {
        case KEY_RESIZE:
            return .resize
        case KEY_MOUSE:
            return .mouse
        case caravan_key_f(1)...caravan_key_f(63):
            return .event(.key(.function(Int(code - caravan_key_f(0)))))
        default:
            return .ignored
        }
    }

    /// Key codes, including the alternatives terminals send for the same key:
    /// keypad corners (A1, A3, C1, C3), Find/Select for Home/End on VT220-style
    /// keyboards, and shifted variants.
    private static let namedKeys: [Int32: Key] = [
        KEY_UP: .up, KEY_SR: .up,
        KEY_DOWN: .down, KEY_SF: .down,
        KEY_LEFT: .left, KEY_SLEFT: .left,
        KEY_RIGHT: .right, KEY_SRIGHT: .right,
        KEY_PPAGE: .pageUp, KEY_A3: .pageUp, KEY_SPREVIOUS: .pageUp,
        KEY_NPAGE: .pageDown, KEY_C3: .pageDown, KEY_SNEXT: .pageDown,
        KEY_HOME: .home, KEY_FIND: .home, KEY_A1: .home, KEY_BEG: .home, KEY_SHOME: .home,
        KEY_END: .end, KEY_SELECT: .end, KEY_C1: .end, KEY_LL: .end, KEY_SEND: .end,
        KEY_BACKSPACE: .backspace,
        KEY_ENTER: .enter,
        KEY_BTAB: .backTab,
        KEY_DC: .delete, KEY_SDC: .delete,
        KEY_IC: .insert,
    ]

    /// Escape sequences some terminals send for Home, End and friends that
    /// their terminfo entry may not list; taught to ncurses when missing.
    static let extraSequences: [(sequence: String, code: Int32)] = [
        ("\u{1B}[1~", KEY_HOME), ("\u{1B}[7~", KEY_HOME), ("\u{1B}[H", KEY_HOME),
        ("\u{1B}OH", KEY_HOME),
        ("\u{1B}[4~", KEY_END), ("\u{1B}[8~", KEY_END), ("\u{1B}[F", KEY_END),
        ("\u{1B}OF", KEY_END),
        ("\u{1B}[5~", KEY_PPAGE), ("\u{1B}[6~", KEY_NPAGE),
        ("\u{1B}[3~", KEY_DC), ("\u{1B}[2~", KEY_IC), ("\u{1B}[Z", KEY_BTAB),
        ("\u{1B}[A", KEY_UP), ("\u{1B}[B", KEY_DOWN), ("\u{1B}[C", KEY_RIGHT),
        ("\u{1B}[D", KEY_LEFT),
        ("\u{1B}OA", KEY_UP), ("\u{1B}OB", KEY_DOWN), ("\u{1B}OC", KEY_RIGHT),
        ("\u{1B}OD", KEY_LEFT),
    ]
}
