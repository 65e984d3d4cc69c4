import CaravanContent

/// A reference as one bibliographic entry, as the reader and `caravan show` print it:
/// "Authors (year). Title. Venue, volume(issue), pages."
enum ReferenceEntry {
    /// The whole entry for a reference entity.
    static func text(_ reference: Entity) -> String {
        let authors = reference.strings("authors").joined(separator: ", ")
        var entry = "\(authors) (\(reference.string("year") ?? "n.d.")). \(reference.title)."
        let source = source(
            venue: reference.string("venue"), volume: reference.string("volume"),
            issue: reference.string("issue"), pages: reference.string("pages"))
        if !source.isEmpty { entry += " \(source)." }
        return entry
    }

    /// "Venue, 36(3), 270-283". An issue without a volume, as Chinese journals number
    /// theirs, stands alone in brackets: "Venue, (05), 72-80".
    static func source(venue: String?, volume: String?, issue: String?, pages: String?) -> String {
        let number = (volume ?? "") + (issue.map { "(\($0))" } ?? "")
        return [venue ?? "", number, pages ?? ""].filter { !$0.isEmpty }.joined(separator: ", ")
    }
}
