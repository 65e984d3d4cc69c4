/// The style sheet of an HTML handout, written into the page. Fonts are the reader's own
/// (nothing is fetched); the page size is the printer's, A4 or Letter, and every width
/// fits the narrower of the two. Slides print one a page, landscape; with notes, each
/// slide sits above its notes on a portrait page.
enum HandoutStyle {
    static func css(for layout: HandoutDocument.Layout) -> String {
        switch layout {
        case .text: return common
        case .slides(let notes): return common + slides + (notes ? notesPages : slidePages)
        }
    }

    static let common = """
        :root { color-scheme: light; }
        * { box-sizing: border-box; }
        body { margin: 0 auto; max-width: 46rem; padding: 1.5rem 1.25rem 3rem; color: #111;
          background: #fff; line-height: 1.45; overflow-wrap: break-word;
          font-family: Charter, "Bitstream Charter", Georgia, "DejaVu Serif", "Noto Serif", serif; }
        h1, h2, h3, h4, h5, h6, caption, dt, th, .kind, .small, .number {
          font-family: "Helvetica Neue", Arial, "DejaVu Sans", "Noto Sans", sans-serif; }
        h1, h2, h3, h4, h5, h6 { line-height: 1.2; margin: 1.2em 0 .4em; break-after: avoid; }
        h1 { font-size: 1.9rem; } h2 { font-size: 1.45rem; } h3 { font-size: 1.2rem; }
        h4 { font-size: 1.05rem; } h5, h6 { font-size: 1rem; }
        .names { font-weight: normal; color: #444; }
        p { margin: .5em 0; }
        p.kind { margin-top: -.2em; color: #555; font-size: .9em; }
        p.summary { font-style: italic; }
        p.small, p.number { color: #555; font-size: .85em; }
        a { color: #0b4f9c; text-decoration: none; }
        a:hover, a:focus { text-decoration: underline; }
        dl.facts { display: grid; grid-template-columns: max-content 1fr; gap: .1em 1em; margin: .6em 0; }
        dl.facts > div { display: contents; }
        dt { font-weight: bold; font-size: .9em; padding-top: .1em; }
        dd { margin: 0; }
        ul, ol { padding-left: 1.6em; margin: .4em 0; }
        li > p { margin: .15em 0; }
        blockquote { margin: .6em 0; padding-left: 1em; border-left: 3px solid #bbb; color: #333; }
        pre { white-space: pre-wrap; overflow-wrap: anywhere; background: #f4f4f4; padding: .5em .7em; }
        code { font-family: "DejaVu Sans Mono", Menlo, Consolas, monospace; font-size: .88em; }
        hr { border: 0; border-top: 1px solid #bbb; margin: 1em 0; }
        div.table { overflow-x: auto; margin: .8em 0; }
        table { border-collapse: collapse; width: 100%; font-size: .9em; }
        caption { caption-side: top; text-align: left; font-weight: bold; padding: 0 0 .3em; }
        th, td { border: 1px solid #bbb; padding: .2em .4em; vertical-align: top; text-align: left; }
        thead th { background: #eee; }
        tfoot td, tfoot th { background: #f6f6f6; }
        table.matrix { font-size: .72em; }
        table.matrix thead th[scope=col], table.matrix td { text-align: center; }
        table.matrix tbody th { font-weight: normal; }
        .line { padding-left: 1.2em; text-indent: -1.2em; }
        .line.depth-1 { padding-left: 2.4em; } .line.depth-2 { padding-left: 3.6em; }
        .line.depth-3, .line.depth-4, .line.depth-5, .line.depth-6, .line.depth-7,
        .line.depth-8 { padding-left: 4.8em; }
        dl.key { display: grid; grid-template-columns: repeat(auto-fill, minmax(15em, 1fr));
          gap: .1em 1.2em; font-size: .85em; margin: .4em 0 1em; }
        dl.key > div { display: flex; gap: .6em; break-inside: avoid; }
        dl.key dt { min-width: 2.6em; }
        article.entity { margin-top: 2.2em; border-top: 1px solid #ccc; }
        main > article.entity:first-child { border-top: 0; margin-top: 0; }
        nav.contents > ul { list-style: none; padding-left: 0; }
        nav.contents > ul > li > p { font-weight: bold; margin-top: .8em; }
        nav.contents > ul > li > ul { columns: 2; column-gap: 2em; }
        nav.contents li { break-inside: avoid; }
        section.back-matter { margin-top: 2.5em; border-top: 2px solid #888; }
        div.brief h3, div.brief h4 { margin-bottom: .1em; }
        div.brief p.kind { margin-top: 0; }
        @page { margin: 16mm 15mm 18mm;
          @bottom-center { content: counter(page) " / " counter(pages); font-size: 8pt; color: #555; } }
        @media print {
          body { max-width: none; padding: 0; font-size: 10.5pt; }
          a { color: inherit; }
          a.external::after { content: " <" attr(href) ">"; font-size: .85em; color: #444;
            overflow-wrap: anywhere; }
          section.part { break-before: page; }
          nav.contents { break-before: page; }
          table, pre, blockquote, dl.facts > div, li, div.brief, .line { break-inside: avoid; }
          thead { display: table-header-group; }
          tr { break-inside: avoid; }
        }

        """

    /// Slides on screen and on paper, with or without notes. A slide carries its number,
    /// so the pages carry none.
    static let slides = """
        @page { @bottom-center { content: none; } }
        section.slide { margin: 1.5rem 0; }
        section.slide .frame { border: 1px solid #888; border-radius: 4px; padding: 1.2rem 1.8rem;
          display: flex; flex-direction: column; }
        section.slide .frame h2 { margin-top: 0; font-size: 1.6rem; }
        section.slide .frame > p.number { margin-top: auto; padding-top: .6em; text-align: right; }
        section.slide.cover .frame { justify-content: center; text-align: center; }
        section.slide.cover .frame h2 { font-size: 2.2rem; margin-top: auto; }
        section.notes { margin: .8rem 0 0; }
        section.notes h3 { font-size: 1rem; margin-top: 0; }
        header.handout-header h1 { font-size: 1.3rem; margin: 0; }
        header.handout-header p { margin: .2em 0 .8em; }
        @media print {
          body { font-size: 11pt; }
          section.slide { margin: 0; break-before: page; break-inside: avoid; }
          header.handout-header + section.slide { break-before: auto; }
          section.slide + section.back-matter { break-before: page; border-top: 0; }
          header.handout-header { margin: 0 0 3mm; }
        }

        """

    /// Without notes: a slide fills a landscape page. The title block shares the first
    /// slide's page, so it is on the same named page.
    static let slidePages = """
        @page slide { size: landscape; margin: 12mm; }
        @media print {
          section.slide, header.handout-header { page: slide; }
          section.slide .frame { min-height: 165mm; font-size: 15pt; padding: 10mm 14mm; }
          section.slide .frame h2 { font-size: 24pt; }
          section.slide.cover .frame h2 { font-size: 32pt; }
          section.slide .frame table { font-size: 11pt; }
        }

        """

    /// With notes: each slide, smaller, above its notes on a portrait page.
    static let notesPages = """
        @media print {
          section.slide .frame { min-height: 95mm; font-size: 12pt; padding: 7mm 10mm; }
          section.slide .frame h2 { font-size: 18pt; }
          section.slide.cover .frame h2 { font-size: 24pt; }
          section.notes { font-size: 10.5pt; margin-top: 5mm; }
        }

        """
}
