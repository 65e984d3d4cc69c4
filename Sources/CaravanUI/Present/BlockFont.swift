import CaravanContent

/// Large letters for slide titles, drawn from a 3x5 bitmap font: with half blocks
/// (`▀▄█`, three rows a line) on a UTF-8 terminal, with `#` (five rows) otherwise.
///
/// It has capitals, digits and common punctuation; ``SlideGeometry/bigWidth(_:)`` says
/// whether a title can be set in it and how wide it is.
public enum BlockFont {
    /// The rows of `text` in large letters (already normalised by
    /// ``SlideGeometry/bigText(_:)``); characters the font lacks are left out.
    public static func render(_ text: String, unicode: Bool) -> [String] {
        var pixels = Array(repeating: "", count: 5)
        var first = true
        for character in text {
            guard let glyph = glyphs[character] else { continue }
            for row in 0..<5 {
                if !first { pixels[row] += "." }
                pixels[row] += glyph[row]
            }
            first = false
        }
        guard unicode else {
            return pixels.map { row in String(row.map { $0 == "#" ? "#" : " " }) }
        }
        return stride(from: 0, to: 5, by: 2).map { top in
            let upper = Array(pixels[top])
            let lower =
                top + 1 < 5 ? Array(pixels[top + 1]) : Array(repeating: ".", count: upper.count)
            return String(
                zip(upper, lower).map { pair -> Character in
                    switch (pair.0 == "#", pair.1 == "#") {
                    case (true, true): "█"
                    case (true, false): "▀"
                    case (false, true): "▄"
                    case (false, false): " "
                    }
                })
        }
    }

    /// Every character the font draws.
    public static var characters: Set<Character> { Set(glyphs.keys) }

    /// Five rows of pixels per character, `#` set and `.` clear.
    static let glyphs: [Character: [String]] = [
        "A": ["###", "#.#", "###", "#.#", "#.#"],
        "B": ["##.", "#.#", "##.", "#.#", "##."],
        "C": ["###", "#..", "#..", "#..", "###"],
        "D": ["##.", "#.#", "#.#", "#.#", "##."],
        "E": ["###", "#..", "##.", "#..", "###"],
        "F": ["###", "#..", "##.", "#..", "#.."],
        "G": ["###", "#..", "#.#", "#.#", "###"],
        "H": ["#.#", "#.#", "###", "#.#", "#.#"],
        "I": ["###", ".#.", ".#.", ".#.", "###"],
        "J": ["..#", "..#", "..#", "#.#", "###"],
        "K": ["#.#", "#.#", "##.", "#.#", "#.#"],
        "L": ["#..", "#..", "#..", "#..", "###"],
        "M": ["#.#", "###", "###", "#.#", "#.#"],
        "N": ["###", "#.#", "#.#", "#.#", "#.#"],
        "O": [".#.", "#.#", "#.#", "#.#", ".#."],
        "P": ["###", "#.#", "###", "#..", "#.."],
        "Q": ["###", "#.#", "#.#", "###", "..#"],
        "R": ["###", "#.#", "##.", "#.#", "#.#"],
        "S": [".##", "#..", ".#.", "..#", "##."],
        "T": ["###", ".#.", ".#.", ".#.", ".#."],
        "U": ["#.#", "#.#", "#.#", "#.#", "###"],
        "V": ["#.#", "#.#", "#.#", "#.#", ".#."],
        "W": ["#.#", "#.#", "###", "###", "#.#"],
        "X": ["#.#", "#.#", ".#.", "#.#", "#.#"],
        "Y": ["#.#", "#.#", ".#.", ".#.", ".#."],
        "Z": ["###", "..#", ".#.", "#..", "###"],
        "0": ["###", "#.#", "#.#", "#.#", "###"],
        "1": [".#.", "##.", ".#.", ".#.", "###"],
        "2": ["###", "..#", "###", "#..", "###"],
        "3": ["###", "..#", ".##", "..#", "###"],
        "4": ["#.#", "#.#", "###", "..#", "..#"],
        "5": ["###", "#..", "###", "..#", "###"],
        "6": ["###", "#..", "###", "#.#", "###"],
        "7": ["###", "..#", "..#", "..#", "..#"],
        "8": ["###", "#.#", "###", "#.#", "###"],
        "9": ["###", "#.#", "###", "..#", "###"],
        " ": ["..", "..", "..", "..", ".."],
        ".": [".", ".", ".", ".", "#"],
        ",": [".", ".", ".", "#", "#"],
        ":": [".", "#", ".", "#", "."],
        ";": [".", "#", ".", "#", "#"],
        "!": ["#", "#", "#", ".", "#"],
        "'": ["#", "#", ".", ".", "."],
        "|": ["#", "#", "#", "#", "#"],
        "(": [".#", "#.", "#.", "#.", ".#"],
        ")": ["#.", ".#", ".#", ".#", "#."],
        "\"": ["#.#", "#.#", "...", "...", "..."],
        "?": ["###", "..#", ".##", "...", ".#."],
        "-": ["...", "...", "###", "...", "..."],
        "+": ["...", ".#.", "###", ".#.", "..."],
        "/": ["..#", "..#", ".#.", "#..", "#.."],
        "&": [".#.", "#.#", ".#.", "#.#", ".##"],
        "%": ["#.#", "..#", ".#.", "#..", "#.#"],
        "#": ["#.#", "###", "#.#", "###", "#.#"],
        "=": ["...", "###", "...", "###", "..."],
        "_": ["...", "...", "...", "...", "###"],
        "*": ["#.#", ".#.", "#.#", "...", "..."],
    ]
}
