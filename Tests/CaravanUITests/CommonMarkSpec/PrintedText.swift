import CaravanContent
import Foundation

@testable import CaravanUI

/// Printed lines of an example's page, checked against what libcmark parsed: every word in
/// order, each hard break a new line, each heading marked once for its level.
struct PrintedText {
    var lines: [String]
    /// The first line of the body: after the title, the kind line and any problems.
    var bodyStart: Int
    /// How many `#`s a heading of each level must have.
    var marks: (Int) -> Int

    init(_ lines: [String], problemsHeading: String, marks: @escaping (Int) -> Int) {
        self.lines = lines
        self.marks = marks
        var start = min(2, lines.count)
        if let problems = lines.firstIndex(of: problemsHeading) {
            start = lines[problems...].firstIndex(of: "") ?? lines.count
        }
        bodyStart = start
    }

    /// What is wrong, or nothing: a word missing or out of order, a hard break lost, a
    /// heading marked wrongly.
    func failures(for tokens: [CommonMarkExample.Token]) -> [String] {
        var failures: [String] = []
        var line = bodyStart
        var offset = lines.indices.contains(line) ? lines[line].startIndex : "".startIndex
        var lastWordLine: Int?
        var breakAfter: Int?
        var heading: Int?
        for token in tokens {
            switch token {
            case .lineBreak:
                breakAfter = lastWordLine
            case .heading(let level):
                heading = level
            case .word(let word):
                let shown = Sanitizer.visible(word)
                guard let found = find(shown, from: line, offset) else {
                    failures.append("«\(shown)» is missing (looked from line \(line + 1))")
                    return failures
                }
                line = found.line
                offset = found.end
                if let before = breakAfter, found.line <= before {
                    failures.append("the hard break before «\(shown)» is lost")
                }
                if let level = heading {
                    let pattern =
                        "^[ >*0-9.│•]*#{\(marks(level))} "
                        + NSRegularExpression.escapedPattern(for: shown)
                    if lines[found.line].range(of: pattern, options: .regularExpression) == nil {
                        failures.append(
                            "heading of level \(level) not marked with \(marks(level)) #: "
                                + "«\(lines[found.line])»")
                    }
                }
                breakAfter = nil
                heading = nil
                lastWordLine = found.line
            }
        }
        return failures
    }

    private func find(_ word: String, from line: Int, _ offset: String.Index) -> (
        line: Int, end: String.Index
    )? {
        var index = line
        var start = offset
        while lines.indices.contains(index) {
            let text = lines[index]
            if start <= text.endIndex,
                let range = text.range(of: word, range: start..<text.endIndex)
            {
                return (index, range.upperBound)
            }
            index += 1
            if lines.indices.contains(index) { start = lines[index].startIndex }
        }
        return nil
    }
}
