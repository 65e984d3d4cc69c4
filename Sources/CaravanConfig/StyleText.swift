import CaravanContent
import CaravanUI

/// Styles written as words, as in a config file: attributes, a colour, and `on` a
/// background colour — `"cyan"`, `"black on yellow"`, `"bold underline 208 on default"`.
/// Colours are `default`, the sixteen ANSI names (`red`, `bright-red`, ...) or a
/// 256-colour palette number.
enum StyleText {
    static let colorNames: [(color: Color, name: String)] = [
        (.default, "default"), (.black, "black"), (.red, "red"), (.green, "green"),
        (.yellow, "yellow"), (.blue, "blue"), (.magenta, "magenta"), (.cyan, "cyan"),
        (.white, "white"), (.brightBlack, "bright-black"), (.brightRed, "bright-red"),
        (.brightGreen, "bright-green"), (.brightYellow, "bright-yellow"),
        (.brightBlue, "bright-blue"), (.brightMagenta, "bright-magenta"),
        (.brightCyan, "bright-cyan"), (.brightWhite, "bright-white"),
    ]

    static let attributeNames = ["bold", "dim", "italic", "underline", "reverse"]

    /// Other spellings accepted for colours.
    private static let colorAliases: [String: Color] = [
        "gray": .brightBlack, "grey": .brightBlack, "none": .default,
    ]

    /// Reads a style; the error message names the word that is wrong.
    static func parse(_ text: String) -> Result<Style, StyleProblem> {
        let words = text.lowercased().split(whereSeparator: { $0 == " " || $0 == "\t" })
            .map(String.init)
        guard !words.isEmpty else { return .failure(StyleProblem("a style needs a colour")) }
        var style = Style.plain
        var foreground: Color?
        var background: Color?
        var afterOn = false
        for word in words {
            if word == "on" {
                guard !afterOn else { return .failure(StyleProblem("`on` appears twice")) }
                afterOn = true
                continue
            }
            if !afterOn, setAttribute(word, in: &style) { continue }
            let color: Color
            switch self.color(word) {
            case .success(let parsed): color = parsed
            case .failure(let problem): return .failure(problem)
            }
            if afterOn {
                guard background == nil else {
                    return .failure(StyleProblem("only one colour can follow `on`"))
                }
                background = color
            } else {
                guard foreground == nil else {
                    return .failure(
                        StyleProblem("two colours before `on`; write \"fg on bg\""))
                }
                foreground = color
            }
        }
        if afterOn, background == nil {
            return .failure(StyleProblem("`on` needs a background colour after it"))
        }
        style.fg = foreground ?? .default
        style.bg = background ?? .default
        return .success(style)
    }

    private static func setAttribute(_ word: String, in style: inout Style) -> Bool {
        switch word {
        case "bold": style.bold = true
        case "dim": style.dim = true
        case "italic": style.italic = true
        case "underline": style.underline = true
        case "reverse": style.reverse = true
        default: return false
        }
        return true
    }

    /// A colour name or palette number.
    static func color(_ word: String) -> Result<Color, StyleProblem> {
        let name = word.replacingOccurrences(of: "_", with: "-")
        if let named = colorNames.first(where: { $0.name == name }) { return .success(named.color) }
        if let alias = colorAliases[name] { return .success(alias) }
        if name.hasPrefix("bright"), !name.hasPrefix("bright-"),
            let named = colorNames.first(where: { $0.name == "bright-" + name.dropFirst(6) })
        {
            return .success(named.color)
        }
        if let number = Int(name) {
            guard let index = UInt8(exactly: number) else {
                return .failure(StyleProblem("colour numbers go from 0 to 255, not \(number)"))
            }
            return .success(.indexed(index))
        }
        var message = "unknown colour `\(word)`"
        let known = colorNames.map(\.name) + attributeNames
        if let hint = Suggestion.didYouMean(word, among: known) {
            message += "; \(hint)"
        } else {
            message += " (colours: \(colorNames.map(\.name).joined(separator: ", ")) or 0-255)"
        }
        return .failure(StyleProblem(message))
    }

    /// Writes a style so that ``parse(_:)`` reads it back.
    static func format(_ style: Style) -> String {
        var words: [String] = []
        if style.bold { words.append("bold") }
        if style.dim { words.append("dim") }
        if style.italic { words.append("italic") }
        if style.underline { words.append("underline") }
        if style.reverse { words.append("reverse") }
        if style.fg != .default || (words.isEmpty && style.bg == .default) {
            words.append(name(of: style.fg))
        }
        if style.bg != .default { words += ["on", name(of: style.bg)] }
        return words.joined(separator: " ")
    }

    static func name(of color: Color) -> String {
        if case .indexed(let index) = color { return String(index) }
        return colorNames.first { $0.color == color }?.name ?? "default"
    }
}

/// Why a style could not be read.
struct StyleProblem: Error, Equatable {
    var message: String

    init(_ message: String) {
        self.message = message
    }
}
