/// Line-drawing strings for the terminal at hand: Unicode, or ASCII when the locale isn't UTF-8.
struct Boxes {
    let isUnicode: Bool
    let horizontal: String
    let vertical: String
    let topLeft: String
    let topRight: String
    let bottomLeft: String
    let bottomRight: String
    let expanded: String
    let collapsed: String
    let dash: String
    let visited: String

    init(_ capabilities: Capabilities) {
        let chars = capabilities.boxChars
        isUnicode = capabilities.unicode
        horizontal = String(chars.horizontal)
        vertical = String(chars.vertical)
        topLeft = String(chars.topLeft)
        topRight = String(chars.topRight)
        bottomLeft = String(chars.bottomLeft)
        bottomRight = String(chars.bottomRight)
        expanded = isUnicode ? "▾" : "-"
        collapsed = isUnicode ? "▸" : "+"
        dash = isUnicode ? " — " : " - "
        visited = isUnicode ? "·" : "."
    }
}
