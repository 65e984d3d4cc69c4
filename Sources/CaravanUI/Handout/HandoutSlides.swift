import CaravanContent

/// A deck as a handout: a title block, then each slide as the presenter shows it (its
/// title, its text, or the entity or view it shows), numbered, with its speaker notes
/// below it when asked for, then the back matter for what the slides link to.
extension HandoutBuilder {
    func slides(of deck: Deck, entity: Entity, notes: Bool) -> HandoutDocument {
        let count = deck.slides.count
        var subtitle = count == 1 ? "1 slide" : "\(count) slides"
        if notes { subtitle += ", with speaker notes" }
        let header = HandoutSection(
            role: .header, anchor: deck.id.description,
            blocks: [.heading(level: 1, title(of: entity)), .paragraph([.text(subtitle)], .small)])
        var slides: [HandoutBlock] = []
        for (index, slide) in deck.slides.enumerated() {
            var blocks: [HandoutBlock] = [.heading(level: 2, [.text(slide.title)])]
            blocks += body(of: slide)
            blocks.append(.paragraph([.text("\(index + 1) / \(count)")], .number))
            if notes, let notesSection = self.notes(of: slide) {
                blocks.append(.section(notesSection))
            }
            slides.append(
                .section(
                    HandoutSection(
                        role: slide.style == .cover ? .coverSlide : .slide,
                        anchor: "slide-\(index + 1)", blocks: blocks)))
        }
        let main = [HandoutBlock.section(header)] + slides
        return HandoutDocument(
            title: deck.title, layout: .slides(notes: notes),
            blocks: main + backMatter(for: main, holding: [deck.id], level: 2))
    }

    /// What the slide shows below its title, as the presenter lays it out.
    private func body(of slide: Slide) -> [HandoutBlock] {
        if case .view(.map) = slide.kind {
            return frameworkMap().map { [$0] } ?? []
        }
        let blocks = SlideContent.body(for: slide, in: model).blocks
        return HandoutMarkdown(model: model, blocks: blocks, belowLevel: 2).blocks(blocks)
    }

    /// The speaker notes, under a heading of their own; nil when the slide has none.
    private func notes(of slide: Slide) -> HandoutSection? {
        let blocks = MarkdownParser.parse(slide.notes).blocks
        guard !blocks.isEmpty else { return nil }
        let markdown = HandoutMarkdown(model: model, blocks: blocks, belowLevel: 3)
        return HandoutSection(
            role: .notes, anchor: nil,
            blocks: [.heading(level: 3, [.text("Notes")])] + markdown.blocks(blocks))
    }
}
