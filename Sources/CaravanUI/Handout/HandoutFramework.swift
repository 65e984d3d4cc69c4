import CaravanContent

/// The framework map and the case matrix as tables, with the codes the explorer's views
/// use (`H`, `H2a`), so a printed handout and the screen name parts alike.
extension HandoutBuilder {
    /// One row a connotation: its code, its title, its field and lever, and its mechanisms
    /// with their codes, each part indented below its parent. Nil without connotations.
    func frameworkMap() -> HandoutBlock? {
        let index = FrameworkIndex(model: model)
        guard !index.connotations.isEmpty else { return nil }
        let words = model.vocabulary
        let hasField = index.connotations.contains { !$0.field.isEmpty }
        let hasLever = index.connotations.contains { !$0.lever.isEmpty }
        var header: [HandoutTable.Cell] = [
            .text("Code", isHeader: true), .text(words.label(.connotation), isHeader: true),
        ]
        if hasField { header.append(.text("Field", isHeader: true)) }
        if hasLever { header.append(.text("Lever", isHeader: true)) }
        header.append(.text(words.pluralTitle(.mechanism), isHeader: true))
        let rows = index.connotations.map { connotation -> [HandoutTable.Cell] in
            var row: [HandoutTable.Cell] = [
                .text(connotation.code, isHeader: true),
                HandoutTable.Cell([.entity(connotation.id, [.text(connotation.title)])]),
            ]
            if hasField { row.append(.text(connotation.field)) }
            if hasLever { row.append(.text(connotation.lever)) }
            row.append(
                HandoutTable.Cell(
                    lines: connotation.mechanisms.map { mechanism in
                        (
                            mechanism.depth,
                            [
                                .strong([.text(mechanism.code)]), .text(" "),
                                .entity(mechanism.id, [.text(mechanism.title)]),
                            ]
                        )
                    }))
            return row
        }
        return .table(
            HandoutTable(
                role: .map,
                caption: "The framework: " + words.plural(.connotation) + " and their "
                    + words.plural(.mechanism),
                header: [header], rows: rows))
    }

    /// Cases down, mechanisms across (each connotation's own column first), a mark where a
    /// case illustrates one; counts on the right and at the foot; then a key to the codes.
    /// Empty without connotations or cases.
    func caseMatrix() -> [HandoutBlock]? {
        let index = FrameworkIndex(model: model)
        let table = MatrixTable(index: index)
        guard !table.columns.isEmpty, !table.rows.isEmpty else { return nil }
        let words = model.vocabulary
        var groups: [HandoutTable.Cell] = [.text("", isHeader: true)]
        for (position, connotation) in index.connotations.enumerated() {
            let span = table.columns.filter { $0.group == position }.count
            guard span > 0 else { continue }
            groups.append(
                HandoutTable.Cell(
                    [.entity(connotation.id, [.text(connotation.title)])], span: span,
                    isHeader: true))
        }
        groups.append(.text("", isHeader: true))
        var codes: [HandoutTable.Cell] = [.text(words.label(.case), isHeader: true)]
        codes += table.columns.map { .text($0.code, isHeader: true) }
        codes.append(.text("Marks", isHeader: true))
        let rows = table.rows.enumerated().map { row, item -> [HandoutTable.Cell] in
            var cells: [HandoutTable.Cell] = [
                HandoutTable.Cell([.entity(item.id, [.text(item.title)])], isHeader: true)
            ]
            for column in table.columns.indices {
                var cell = HandoutTable.Cell.text(
                    table.isMarked(row: row, column: column) ? "●" : "")
                cell.isMark = true
                cells.append(cell)
            }
            cells.append(.text(String(table.rowCounts[row])))
            return cells
        }
        var footer: [HandoutTable.Cell] = [.text(words.pluralTitle(.case), isHeader: true)]
        footer += table.columnCounts.map { .text(String($0)) }
        footer.append(.text(String(table.rows.count)))
        let key = table.columns.map { column in
            HandoutFact(label: column.code, value: [.entity(column.id, [.text(column.name)])])
        }
        return [
            .table(
                HandoutTable(
                    role: .matrix,
                    caption: "Which " + words.plural(.case) + " illustrate which "
                        + words.plural(.mechanism),
                    header: [groups, codes], rows: rows, footer: [footer])),
            .facts(key, .key),
        ]
    }
}
