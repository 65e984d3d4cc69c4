@testable import CaravanContent

/// A small, valid content set with one entity of every kind and every link type.
enum Fixture {
    static let paper = entityFile(
        "paper.md",
        """
        id: paper/silk-road
        kind: paper
        title: Cultural Industries along the Silk Road
        summary: How culture travels with trade.
        authors:
          - name: Ada Author
            affiliations: [1]
            email: ada@example.org
            corresponding: true
          - name: Ben Writer
            affiliations: [1, 2]
        affiliations:
          - number: 1
            name: Example University
          - number: 2
            name: Other Institute
        received: 2023-01-05
        accepted: 2023-03-10
        published: 2023-04-01
        keywords: [culture, trade]
        funding:
          - funder: Example Foundation
            project: Culture on the move
            grant: "42"
        journal: Journal of Examples

        """,
        body: "The paper argues that culture follows trade.\n")

    static let introduction = entityFile(
        "sections/1-introduction.md",
        """
        id: section/1-introduction
        kind: section
        title: Introduction
        number: "1"
        parent: paper/silk-road
        discusses: [connotation/economic, case/cafe-street]
        cites: [reference/zhao2019]
        quotes:
          - text: "culture follows trade"
            note: The thesis.
        claims: [Trade carries culture.]
        questions: [Does it?]

        """,
        body: "The introduction sets out the argument.\n")

    static let detail = entityFile(
        "sections/1-1-detail.md",
        """
        id: section/1-1-detail
        kind: section
        title: Details
        number: "1.1"
        parent: section/1-introduction
        order: 1

        """,
        body: """
            The details, as argued in [@zhao2019, p. 53] and elsewhere
            [@quan2018; @zhao2019].

            """)

    static let later = entityFile(
        "sections/1-10-later.md",
        """
        id: section/1-10-later
        kind: section
        title: A later section
        number: "1.10"
        parent: section/1-introduction

        """,
        body: "Numbered ten, so it sorts after 1.1 and 1.2.\n")

    static let second = entityFile(
        "sections/1-2-second.md",
        """
        id: section/1-2-second
        kind: section
        title: Second
        number: "1.2"
        parent: section/1-introduction

        """,
        body: "Second subsection.\n")

    static let connotation = entityFile(
        "framework/economic.md",
        """
        id: connotation/economic
        kind: connotation
        title: Economic connotation
        field: Economy
        lever: Trade
        relations:
          - to: concept/cultural-brand
            note: Brands carry the economy.

        """)

    static let brandExpansion = entityFile(
        "framework/brand-expansion.md",
        """
        id: mechanism/brand-expansion
        kind: mechanism
        title: Brand expansion
        connotation: connotation/economic

        """)

    static let productSystem = entityFile(
        "framework/product-system.md",
        """
        id: mechanism/product-system
        kind: mechanism
        title: Product system
        parent: mechanism/brand-expansion

        """)

    static let almaty = entityFile(
        "cases/almaty-brand.md",
        """
        id: case/almaty-brand
        kind: case
        title: The Almaty "Silk Road" brand
        summary: A trademark that became a regional calling card.
        region: Central Asia
        country: Kazakhstan
        illustrates: [mechanism/brand-expansion, mechanism/product-system]
        discussed-in: [section/1-introduction]
        figures:
          - label: Shops using the name
            value: "thirty-three"
            section: section/1-1-detail
        x-editor-note: kept but never checked

        """,
        body: """
            Almaty hotels used the name first; see [the brand mechanism](mechanism/brand-expansion)
            and the argument in [@zhao2019]. Not a link: [site](https://example.org/case/x).
            Code is skipped: `[x](case/in-code)`.

            ```
            [y](case/in-fence)
            ```

            """)

    static let cafe = entityFile(
        "cases/cafe-street.md",
        """
        id: case/cafe-street
        kind: case
        title: Café street
        region: Europe
        country: [France, Italy]
        illustrates: concept/cultural-brand
        discussed-in: [section/1-introduction]

        """,
        body: "Compare [Almaty](case/almaty-brand).\n")

    static let concept = entityFile(
        "concepts/cultural-brand.md",
        """
        id: concept/cultural-brand
        kind: concept
        title: Cultural brand
        aka: [brand]

        """)

    static let zhao = entityFile(
        "references/zhao2019.md",
        """
        id: reference/zhao2019
        kind: reference
        title: Trade and culture
        authors: ["Zhao, Y."]
        year: 2019
        venue: Example Review
        doi: 10.1000/example

        """)

    static let quan = entityFile(
        "references/quan-wen-2018.md",
        """
        id: reference/quan-wen-2018
        kind: reference
        title: Routes of culture
        key: quan2018
        authors: ["Quan, A.", "Wen, B."]
        year: 2018

        """)

    static let path = entityFile(
        "paths/first-read.md",
        """
        id: path/first-read
        kind: path
        title: A first read
        steps: [section/1-introduction, case/almaty-brand]
        minutes: 20
        audience: Newcomers

        """)

    static let deck = entityFile(
        "decks/overview.md",
        """
        id: deck/overview
        kind: deck
        title: Overview
        shows: [case/almaty-brand, concept/cultural-brand]

        """)

    static let files: [SourceFile] = [
        paper, introduction, detail, later, second, connotation, brandExpansion, productSystem,
        almaty, cafe, concept, zhao, quan, path, deck,
    ]

    static func model() -> ContentModel {
        ContentLoader.load(files: files)
    }
}
