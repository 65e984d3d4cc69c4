import CaravanContent

/// A paper's authors, affiliations and funding as lines of text, written alike on the
/// entity's page and in handouts.
enum PaperCredits {
    /// One line an author: "Yi Liu (2), corresponding author, name@example.org".
    static func authors(of paper: Entity) -> [String] {
        (paper.field("authors")?.items ?? []).compactMap { author in
            guard let name = author["name"]?.text else { return nil }
            let marks = author["affiliations"]?.strings.joined(separator: ",") ?? ""
            var line = name + (marks.isEmpty ? "" : " (\(marks))")
            if author["corresponding"]?.text == "true" {
                line += ", corresponding author"
                if let email = author["email"]?.text { line += ", \(email)" }
            }
            return line
        }
    }

    /// One line an affiliation: "1. School of ...".
    static func affiliations(of paper: Entity) -> [String] {
        (paper.field("affiliations")?.items ?? []).compactMap { item in
            guard let number = item["number"]?.text, let name = item["name"]?.text else {
                return nil
            }
            return "\(number). \(name)"
        }
    }

    /// One line a grant: funder, project, "grant" and its number, as given.
    static func funding(of paper: Entity) -> [String] {
        (paper.field("funding")?.items ?? []).map { item in
            [
                item["funder"]?.text, item["project"]?.text,
                item["grant"]?.text.map { "grant \($0)" },
            ]
            .compactMap { $0 }.joined(separator: ", ")
        }
    }
}
