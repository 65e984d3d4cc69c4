import CaravanContent
import XCTest

@testable import CaravanUI

/// Each kind of handout of the shipped content holds what it says it holds, in order: one
/// entity's page then its back matter, a reading path's steps in full, a deck's slides with
/// or without their notes, and the whole content under its contents, map and matrix.
final class HandoutStructureTests: XCTestCase {
    private var model: ContentModel { TestContent.model }

    private func html(_ selection: Handout.Selection, _ model: ContentModel? = nil) -> HTMLScan {
        HTMLScan(Handout.render(selection, format: .html, model: model ?? self.model))
    }

    private func markdown(_ selection: Handout.Selection, _ model: ContentModel? = nil)
        -> String
    {
        Handout.render(selection, format: .markdown, model: model ?? self.model)
    }

    /// The ids of the opening tags named `name`, in page order.
    private func ids(of name: String, in scan: HTMLScan, class wanted: String? = nil) -> [String] {
        scan.tags.filter { tag in
            tag.name == name && !tag.isClosing
                && (wanted == nil || tag.attributes["class"] == wanted)
        }.compactMap { $0.attributes["id"] }
    }

    private var selections: [Handout.Selection] {
        get throws {
            [
                .all, .entity(try entityID("path/first-read")),
                .entity(try entityID("path/lecture-50")),
                .entity(try entityID("deck/lecture")),
                .entity(try entityID("deck/lecture"), notes: true),
                .entity(try entityID("case/gourmet-streets")),
                .entity(try entityID("connotation/humanistic")),
                .entity(try entityID("paper/bian-liu-2023")),
            ]
        }
    }

    func testEveryAnchorIsDefinedOnceAndEveryLinkLeadsToOne() throws {
        for selection in try selections {
            let scan = html(selection)
            let ids = scan.tags.compactMap { $0.attributes["id"] }
            XCTAssertEqual(ids.count, Set(ids).count, "an id twice in \(selection)")
            XCTAssertEqual(scan.brokenLinks, [], "\(selection)")
            XCTAssertGreaterThan(scan.hrefs.filter { $0.hasPrefix("#") }.count, 0, "\(selection)")

            let text = markdown(selection)
            let read = MarkdownScan(text)
            let anchors = read.html.filter { $0.hasPrefix("<a id=") }.map {
                String($0.dropFirst(7).dropLast(2))
            }
            XCTAssertEqual(anchors.count, Set(anchors).count, "an anchor twice in \(selection)")
            XCTAssertEqual(Set(anchors), Set(ids), "both formats define the same places")
            for link in read.links where link.hasPrefix("#") {
                XCTAssertTrue(anchors.contains(String(link.dropFirst())), "\(link) in \(selection)")
            }
        }
    }

    func testAnEntitysHandoutIsItsPageThenWhatItLinksTo() throws {
        let id = try entityID("case/gourmet-streets")
        let entity = try XCTUnwrap(model.entity(id))
        let scan = html(.entity(id))
        XCTAssertEqual(ids(of: "article", in: scan), [id.description], "one page, its own")
        let headings = scan.tags.filter { $0.name == "h1" && !$0.isClosing }
        XCTAssertEqual(headings.count, 1)
        XCTAssertTrue(scan.text.contains(entity.displayTitle))
        XCTAssertTrue(scan.text.contains("Case study"), "the kind line names the kind")
        let back = ids(of: "section", in: scan, class: "back-matter")
        XCTAssertEqual(back, ["references", "see-also"])
        // Each linked entity is held once, as a short entry, never as a second page.
        let briefs = ids(of: "div", in: scan, class: "brief")
        XCTAssertEqual(briefs.count, Set(briefs).count)
        XCTAssertFalse(briefs.contains(id.description))
        let linked = Set(HandoutBuilder.entityLinks(in: [.section(entityArticle(entity))]))
        XCTAssertEqual(Set(briefs), Set(linked.subtracting([id]).map(\.description)))
    }

    private func entityArticle(_ entity: Entity) -> HandoutSection {
        HandoutBuilder(model: model).article(entity, level: 1)
    }

    func testACitationLinksToItsReferenceInTheBibliography() throws {
        let reference = try XCTUnwrap(model.reference(forKey: "wen2018"))
        let scan = html(.entity(try entityID("case/gourmet-streets")))
        XCTAssertTrue(scan.hrefs.contains("#" + reference.id.description))
        let briefs = ids(of: "div", in: scan, class: "brief")
        XCTAssertTrue(briefs.contains(reference.id.description))
        XCTAssertTrue(scan.text.contains("(" + reference.citationLabel + ")"), "the label")
        XCTAssertTrue(scan.text.contains(ReferenceEntry.text(reference)), "the entry in full")
        // References come first in the back matter, before the rest.
        let text = markdown(.entity(try entityID("case/gourmet-streets")))
        let references = try XCTUnwrap(text.range(of: "<a id=\"references\"></a>"))
        let seeAlso = try XCTUnwrap(text.range(of: "<a id=\"see-also\"></a>"))
        XCTAssertLessThan(references.lowerBound, seeAlso.lowerBound)
        XCTAssertTrue(text.contains("(" + "[" + reference.citationLabel + "](#"))
    }

    func testAReadingPathHoldsEachStepInFullInItsOrder() throws {
        let id = try entityID("path/lecture-50")
        let path = try XCTUnwrap(model.entity(id))
        var steps: [String] = []
        for step in path.strings("steps") where !steps.contains(step) { steps.append(step) }
        let scan = html(.entity(id))
        XCTAssertEqual(ids(of: "article", in: scan), [id.description] + steps)
        let levels = scan.tags.filter { ["h1", "h2"].contains($0.name) && !$0.isClosing }
        XCTAssertEqual(levels.first?.name, "h1")
        XCTAssertEqual(levels.filter { $0.name == "h1" }.count, 1, "steps sit below the path")
        XCTAssertTrue(scan.text.contains("Time50 minutes"), "the path's facts")
        XCTAssertTrue(scan.text.contains("Steps"))
        // Steps are held, so the back matter holds none of them.
        let briefs = Set(ids(of: "div", in: scan, class: "brief"))
        XCTAssertTrue(briefs.isDisjoint(with: steps))
        let read = MarkdownScan(markdown(.entity(id)))
        XCTAssertEqual(read.headings.first?.level, 1)
        XCTAssertEqual(read.headings.first?.text, path.displayTitle)
    }

    func testADeckWithoutNotesIsItsSlidesOneAPage() throws {
        let id = try entityID("deck/lecture")
        let deck = try XCTUnwrap(model.deck(id))
        let count = deck.slides.count
        let page = Handout.render(.entity(id), format: .html, model: model)
        let scan = HTMLScan(page)
        XCTAssertTrue(page.contains("<body class=\"handout deck\">"))
        XCTAssertTrue(scan.text.contains("\(count) slides"))
        XCTAssertFalse(scan.text.contains("with speaker notes"))
        let slides = scan.tags.filter { $0.name == "section" && $0.attributes["id"] != nil }
            .filter { $0.attributes["id"]?.hasPrefix("slide-") == true }
        XCTAssertEqual(slides.map { $0.attributes["id"] }, (1...count).map { "slide-\($0)" })
        for (slide, tag) in zip(deck.slides, slides) {
            let expected = slide.style == .cover ? "slide cover" : "slide"
            XCTAssertEqual(tag.attributes["class"], expected, slide.title)
            XCTAssertTrue(scan.text.contains(slide.title), slide.title)
        }
        XCTAssertTrue(scan.text.contains("1 / \(count)"))
        XCTAssertTrue(scan.text.contains("\(count) / \(count)"))
        XCTAssertFalse(scan.tags.contains { $0.attributes["class"] == "notes" })
        XCTAssertTrue(
            scan.tags.contains { $0.name == "table" && $0.attributes["class"] == "map" },
            "the map slide shows the map")
        // In Markdown each slide ends with a rule.
        let read = MarkdownScan(markdown(.entity(id)))
        XCTAssertEqual(read.blockCounts["thematic_break"], count)
        XCTAssertFalse(read.headings.contains { $0.text == "Notes" })
    }

    func testADeckWithNotesSetsEachSlideAboveItsNotes() throws {
        let id = try entityID("deck/lecture")
        let deck = try XCTUnwrap(model.deck(id))
        let page = Handout.render(.entity(id, notes: true), format: .html, model: model)
        let scan = HTMLScan(page)
        XCTAssertTrue(page.contains("<body class=\"handout deck notes\">"))
        XCTAssertTrue(scan.text.contains("\(deck.slides.count) slides, with speaker notes"))
        let withNotes = deck.slides.filter {
            !MarkdownParser.parse($0.notes).blocks.isEmpty
        }.count
        XCTAssertGreaterThan(withNotes, 0)
        let notes = scan.tags.filter { $0.name == "section" && $0.attributes["class"] == "notes" }
        XCTAssertEqual(notes.count, withNotes, "one notes section a slide that has notes")
        // Notes sit after the slide's frame closes, never inside it.
        var depth = 0
        for tag in scan.tags where tag.name == "div" || tag.name == "section" {
            if tag.name == "div", tag.attributes["class"] == "frame" { depth += 1 }
            if tag.name == "div", tag.isClosing, depth > 0 { depth -= 1 }
            if tag.attributes["class"] == "notes" { XCTAssertEqual(depth, 0, "notes in a frame") }
        }
        XCTAssertTrue(scan.text.contains("Minutes 0-8"), "the first slide's notes")
        let read = MarkdownScan(markdown(.entity(id, notes: true)))
        XCTAssertEqual(read.headings.filter { $0.text == "Notes" }.count, withNotes)
        XCTAssertTrue(read.headings.filter { $0.text == "Notes" }.allSatisfy { $0.level == 3 })
    }

    func testTheWholeContentHoldsEveryEntityOnceUnderItsPart() throws {
        let scan = html(.all)
        let paper = try XCTUnwrap(model.paper)
        let articles = ids(of: "article", in: scan)
        XCTAssertEqual(articles.first, paper.id.description, "the overview opens it")
        XCTAssertEqual(articles.count, Set(articles).count)
        XCTAssertEqual(Set(articles), Set(model.entities.map(\.id.description)))
        XCTAssertEqual(ids(of: "nav", in: scan), ["contents"])
        let kinds = EntityKind.allCases.filter { kind in
            kind != .paper && model.entities.contains { $0.kind == kind }
        }
        XCTAssertEqual(
            ids(of: "section", in: scan, class: "part"), kinds.map { "part-" + $0.rawValue })
        for kind in kinds {
            XCTAssertTrue(scan.hrefs.contains("#part-" + kind.rawValue), "contents link \(kind)")
        }
        XCTAssertEqual(ids(of: "section", in: scan, class: "back-matter"), [], "all is held")
        let tables = scan.tags.filter { $0.name == "table" && !$0.isClosing }
        XCTAssertEqual(tables.filter { $0.attributes["class"] == "map" }.count, 1)
        XCTAssertEqual(tables.filter { $0.attributes["class"] == "matrix" }.count, 1)
        XCTAssertTrue(scan.tags.contains { $0.name == "dl" && $0.attributes["class"] == "key" })
        // The map opens the connotations' part; the matrix opens the cases'.
        let page = Handout.render(.all, format: .html, model: model)
        let connotations = try XCTUnwrap(page.range(of: "id=\"part-connotation\""))
        let map = try XCTUnwrap(page.range(of: "<table class=\"map\">"))
        let cases = try XCTUnwrap(page.range(of: "id=\"part-case\""))
        let matrix = try XCTUnwrap(page.range(of: "<table class=\"matrix\">"))
        XCTAssertLessThan(connotations.lowerBound, map.lowerBound)
        XCTAssertLessThan(cases.lowerBound, matrix.lowerBound)
    }

    func testNamesInOtherLanguagesStandBesideTheTitle() throws {
        let id = try entityID("connotation/humanistic")
        let page = Handout.render(.entity(id), format: .html, model: model)
        XCTAssertTrue(
            page.contains("<span class=\"names\"><span lang=\"zh\">人文内涵</span></span></h1>"), page)
        let heading = MarkdownScan(markdown(.entity(id))).headings.first
        XCTAssertEqual(heading?.level, 1)
        XCTAssertTrue(heading?.text.hasSuffix(" · 人文内涵") == true, "\(String(describing: heading))")
        // Names are no part of the page's own title.
        XCTAssertFalse(HTMLScan(page).text.hasPrefix("人文内涵"))
        let title = try XCTUnwrap(model.entity(id)).displayTitle
        XCTAssertTrue(page.contains("<title>" + HTMLText.escape(title) + "</title>"))
    }

    func testAHandoutOfAnotherContentNamesKindsInItsWords() throws {
        let course = CourseContentTests.model
        let scan = html(.all, course)
        XCTAssertTrue(scan.text.contains("Pillars"), "a part named as the content names it")
        XCTAssertTrue(scan.text.contains("Action areas"))
        XCTAssertFalse(scan.text.contains("Connotations"))
        XCTAssertFalse(scan.text.contains("Mechanisms"))
        XCTAssertTrue(scan.text.contains("The framework: pillars and their action areas"))
        XCTAssertTrue(scan.text.contains("Which cases illustrate which action areas"))
        let pillar = try entityID("connotation/facilities-connectivity")
        let page = html(.entity(pillar), course)
        XCTAssertTrue(page.text.contains("Pillar"))
        XCTAssertEqual(page.brokenLinks, [])
        let lesson = MarkdownScan(markdown(.entity(try entityID("section/1-why")), course))
        XCTAssertTrue(
            lesson.paragraphs.contains { $0.hasPrefix("Lesson 1") }, "\(lesson.paragraphs)")
    }
}
