import CaravanContent
import Foundation

/// The paper's framework as the map, matrix and atlas screens read it, worked out once
/// from the content model: the connotations in order, each with its mechanism tree and
/// short codes (`H`, `H2`, `H2a`, from the model's ``FrameworkOutline``), the case
/// studies and what they illustrate, and the ties each connotation states in its
/// `relations` field.
///
/// Every text is already passed through ``Sanitizer/visible(_:tabWidth:)``, so widths
/// measured on it are the widths a grid gives it.
struct FrameworkIndex: Sendable {
    struct Connotation: Sendable, Hashable {
        var id: EntityID
        var code: String
        var title: String
        var field: String
        var lever: String
        var summary: String
        /// Mechanisms in tree order: each parent followed by its parts.
        var mechanisms: [Mechanism]
        /// Cases that reach this connotation, directly or through any of its mechanisms.
        var cases: [EntityID]
        var ties: [Tie]
    }

    struct Mechanism: Sendable, Hashable {
        var id: EntityID
        var code: String
        var title: String
        var summary: String
        /// 0 for a mechanism of the connotation, 1 for its sub-mechanisms, and so on.
        var depth: Int
        var parent: EntityID?
        var connotation: EntityID
        /// Cases that name this mechanism in `illustrates`.
        var cases: [EntityID]
    }

    /// One entry of a connotation's `relations`: what it ties to, and how.
    struct Tie: Sendable, Hashable {
        var connotation: EntityID
        var target: EntityID
        var note: String
    }

    /// Something a connotation ties to: a concept (the five links...) or a section of part 4.
    struct TieTarget: Sendable, Hashable {
        var id: EntityID
        var title: String
        /// A short label for narrow columns: the section number, or the title.
        var label: String
        var summary: String
        var isSection: Bool
    }

    struct CaseStudy: Sendable, Hashable {
        var id: EntityID
        var title: String
        var summary: String
        var region: String
        var countries: [String]
        /// Mechanisms, connotations and concepts the case names in `illustrates`.
        var illustrates: Set<EntityID>
        /// Connotations the case reaches, in the connotations' order.
        var connotations: [EntityID]
    }

    var connotations: [Connotation]
    var cases: [CaseStudy]
    /// Concepts first (the five links before the others), then sections by number.
    var tieTargets: [TieTarget]
    /// Regions that have cases, in the atlas order (``Region``), then any other names.
    var regions: [String]

    private var caseIndex: [EntityID: Int]
    private var mechanismIndex: [EntityID: (connotation: Int, mechanism: Int)]
    private var targetIndex: [EntityID: Int]

    var mechanismCount: Int { connotations.reduce(0) { $0 + $1.mechanisms.count } }

    func caseStudy(_ id: EntityID) -> CaseStudy? {
        caseIndex[id].map { cases[$0] }
    }

    func mechanism(_ id: EntityID) -> Mechanism? {
        mechanismIndex[id].map { connotations[$0.connotation].mechanisms[$0.mechanism] }
    }

    func connotation(_ id: EntityID) -> Connotation? {
        connotations.first { $0.id == id }
    }

    func target(_ id: EntityID) -> TieTarget? {
        targetIndex[id].map { tieTargets[$0] }
    }

    /// The connotation's tie to `target`, if it states one.
    func tie(from connotation: Connotation, to target: EntityID) -> Tie? {
        connotation.ties.first { $0.target == target }
    }

    /// Short codes of what a case illustrates, in column order: `E1 E2`.
    func codes(of item: CaseStudy) -> [String] {
        var codes: [String] = []
        for connotation in connotations {
            if item.illustrates.contains(connotation.id) { codes.append(connotation.code) }
            for mechanism in connotation.mechanisms where item.illustrates.contains(mechanism.id) {
                codes.append(mechanism.code)
            }
        }
        return codes
    }

    init(model: ContentModel) {
        let clean = { (text: String) in Sanitizer.visible(text) }
        var connotations: [Connotation] = []
        var mechanismIndex: [EntityID: (connotation: Int, mechanism: Int)] = [:]
        // The tree and the codes come from the model, which every view shares.
        for part in model.framework.connotations {
            guard let entity = model.entity(part.id) else { continue }
            let code = part.code
            let mechanisms = part.mechanisms.compactMap { node -> Mechanism? in
                guard let mechanism = model.entity(node.id) else { return nil }
                let cases = model.sources(linkingTo: mechanism.id, by: .illustrates)
                    .filter { $0.kind == .case }.map(\.id)
                return Mechanism(
                    id: mechanism.id, code: node.code, title: clean(mechanism.title),
                    summary: clean(mechanism.summary ?? ""), depth: node.depth,
                    parent: node.parent, connotation: entity.id, cases: cases)
            }
            for (index, mechanism) in mechanisms.enumerated() {
                mechanismIndex[mechanism.id] = (connotations.count, index)
            }
            let ties = FrameworkIndex.ties(of: entity, in: model).map {
                Tie(connotation: entity.id, target: $0.target, note: clean($0.note))
            }
            connotations.append(
                Connotation(
                    id: entity.id, code: code, title: clean(entity.title),
                    field: clean(entity.string("field") ?? ""),
                    lever: clean(entity.string("lever") ?? ""),
                    summary: clean(entity.summary ?? ""), mechanisms: mechanisms, cases: [],
                    ties: ties))
        }

        var cases: [CaseStudy] = []
        for entity in model.entities(of: .case) {
            let targets = model.targets(of: entity.id, by: .illustrates).map(\.id)
            var reached: Set<EntityID> = []
            for target in targets {
                if target.kind == .connotation {
                    reached.insert(target)
                } else if let place = mechanismIndex[target] {
                    reached.insert(connotations[place.connotation].id)
                }
            }
            let countries = entity.strings("country").map(clean).filter { !$0.isEmpty }
            cases.append(
                CaseStudy(
                    id: entity.id, title: clean(entity.title), summary: clean(entity.summary ?? ""),
                    region: clean(entity.string("region") ?? ""), countries: countries,
                    illustrates: Set(targets),
                    connotations: connotations.map(\.id).filter { reached.contains($0) }))
        }
        for index in connotations.indices {
            let id = connotations[index].id
            connotations[index].cases = cases.filter { $0.connotations.contains(id) }.map(\.id)
        }

        self.cases = cases
        self.mechanismIndex = mechanismIndex
        caseIndex = Dictionary(
            cases.enumerated().map { ($0.element.id, $0.offset) }, uniquingKeysWith: { a, _ in a })
        let tieTargets = FrameworkIndex.targets(of: connotations, in: model)
        let targetOrder = Dictionary(
            tieTargets.enumerated().map { ($0.element.id, $0.offset) },
            uniquingKeysWith: { a, _ in a })
        for position in connotations.indices {
            connotations[position].ties.sort {
                (targetOrder[$0.target] ?? Int.max) < (targetOrder[$1.target] ?? Int.max)
            }
        }
        self.connotations = connotations
        self.tieTargets = tieTargets
        targetIndex = Dictionary(
            tieTargets.enumerated().map { ($0.element.id, $0.offset) },
            uniquingKeysWith: { a, _ in a })
        regions = FrameworkIndex.regions(of: cases)
    }

    /// What the detail line says about a case: where it is, what it illustrates, its
    /// summary.
    func detail(of item: CaseStudy, glyphs: Glyphs) -> SelectionDetail {
        var text = item.region
        if !item.countries.isEmpty && item.countries != [item.region] {
            text += ": " + item.countries.joined(separator: ", ")
        }
        var illustrated: [String] = []
        for connotation in connotations {
            if item.illustrates.contains(connotation.id) {
                illustrated.append("\(connotation.code) \(connotation.title)")
            }
            for mechanism in connotation.mechanisms where item.illustrates.contains(mechanism.id) {
                illustrated.append("\(mechanism.code) \(mechanism.title)")
            }
        }
        if !illustrated.isEmpty {
            text += glyphs.separator + "illustrates " + illustrated.joined(separator: "; ")
        }
        if !item.summary.isEmpty { text += glyphs.separator + item.summary }
        return SelectionDetail(title: item.title, text: text)
    }

    // MARK: Building

    private static func ties(of connotation: Entity, in model: ContentModel)
        -> [(target: EntityID, note: String)]
    {
        var ties: [(target: EntityID, note: String)] = []
        for item in connotation.field("relations")?.items ?? [] {
            guard let text = item["to"]?.text, let target = EntityID(text),
                model.contains(target), !ties.contains(where: { $0.target == target })
            else { continue }
            ties.append((target, item["note"]?.text ?? ""))
        }
        return ties
    }

    private static func targets(of connotations: [Connotation], in model: ContentModel)
        -> [TieTarget]
    {
        var ids: [EntityID] = []
        for connotation in connotations {
            for tie in connotation.ties where !ids.contains(tie.target) { ids.append(tie.target) }
        }
        let fiveLinks = EntityID(kind: .concept, slug: "five-links")
        let others = ids.filter { $0.kind != .section }
        let concepts = others.filter { $0 == fiveLinks } + others.filter { $0 != fiveLinks }
        let sections = ids.filter { $0.kind == .section }.sorted { a, b in
            let x = model.entity(a)?.number ?? ""
            let y = model.entity(b)?.number ?? ""
            if x != y { return x.compare(y, options: .numeric) == .orderedAscending }
            return a < b
        }
        return (concepts + sections).compactMap { id in
            guard let entity = model.entity(id) else { return nil }
            let isSection = entity.kind == .section
            let title = Sanitizer.visible(entity.displayTitle)
            let label = isSection ? Sanitizer.visible(entity.number ?? entity.title) : title
            return TieTarget(
                id: id, title: title, label: label,
                summary: Sanitizer.visible(entity.summary ?? ""), isSection: isSection)
        }
    }

    private static func regions(of cases: [CaseStudy]) -> [String] {
        let names = Set(cases.map(\.region))
        let known = Region.allCases.map(\.rawValue).filter { names.contains($0) }
        let other = names.subtracting(known).sorted()
        return known + other
    }
}
