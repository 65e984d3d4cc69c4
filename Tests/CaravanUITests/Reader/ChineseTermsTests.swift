import CaravanContent
import CaravanDefaultContent
import XCTest

@testable import CaravanUI

/// The built-in paper's key terms in Chinese. Each entity with an established Chinese term
/// carries it as `names: {zh: ...}`: the list below is every such name, and each is on its
/// entity's page, found by search (whole, and by any two of its characters), opened by the
/// `/` and `:` prompts, and taken by the resolver that `:`, `caravan show` and `--open`
/// share.
final class ChineseTermsTests: XCTestCase {
    static let model = DefaultContent.load()

    /// An explorer over the built-in content, as it ships, with nothing open yet.
    static func explorer(width: Int, height: Int) -> Explorer {
        Explorer(model: model, width: width, height: height, start: nil, capabilities: .full)
    }

    /// Every Chinese name in the built-in content: entity id, then the name.
    static let names: KeyValuePairs<String, String> = [
        "concept/belt-and-road-initiative": "一带一路倡议",
        "concept/five-links": "五通",
        "concept/people-to-people-exchange": "民心相通",
        "concept/community-of-destiny": "命运共同体",
        "concept/cultural-industry": "文化产业",
        "concept/frankfurt-school-critique": "文化工业批判",
        "concept/soft-power": "软实力",
        "concept/cultural-brand": "文化品牌",
        "concept/human-capital-theory": "人力资本理论",
        "concept/product-differentiation": "产品差异化",
        "concept/market-segmentation": "市场细分",
        "concept/market-structure-theory": "市场结构理论",
        "concept/cross-elasticity-of-demand": "需求交叉弹性",
        "concept/global-value-chain": "全球价值链",
        "concept/international-division-of-labor": "国际分工",
        "concept/intellectual-property": "知识产权",
        "concept/industrial-cluster": "产业集群",
        "concept/industrial-security": "产业安全",
        "concept/going-out": "走出去",
        "concept/internet-plus": "互联网+",
        "concept/intelligent-manufacturing": "智能制造",
        "concept/circle-of-friends": "朋友圈",
        "concept/three-forces": "三股势力",
        "concept/docking-strategy": "战略对接",
        "concept/western-development-strategy": "西部大开发",
        "connotation/humanistic": "人文内涵",
        "connotation/economic": "经济内涵",
        "connotation/security": "安全内涵",
        "mechanism/talent-cultivation": "人才培养",
        "mechanism/brand-expansion": "品牌扩张",
        "mechanism/industrial-control": "产业控制力",
        "mechanism/industrial-competitiveness": "产业竞争力",
    ]

    /// Terms a body gives beside its romanisation, not as the entity's name: found by search.
    static let bodyTerms: KeyValuePairs<String, String> = [
        "concept/five-links": "政策沟通",
        "concept/five-links": "设施联通",
        "concept/five-links": "贸易畅通",
        "concept/five-links": "资金融通",
        "concept/people-to-people-exchange": "人文交流",
        "concept/community-of-destiny": "人类命运共同体",
        "concept/soft-power": "文化软实力",
        "concept/docking-strategy": "对接",
        "concept/cultural-industry": "文化工业",
        "concept/belt-and-road-initiative": "一带一路",
        "concept/belt-and-road-initiative": "共商共建共享",
    ]

    func testTheListHoldsEveryChineseNameInTheContent() {
        let listed = Set(Self.names.map { "\($0.key) zh \($0.value)" })
        let carried = Set(
            Self.model.entities.flatMap { entity in
                entity.names.map { "\(entity.id) \($0.language) \($0.text)" }
            })
        XCTAssertEqual(carried.subtracting(listed).sorted(), [], "names missing from the list")
        XCTAssertEqual(listed.subtracting(carried).sorted(), [], "listed names no entity carries")
    }

    func testEachNameStandsOnItsPageBelowTheEnglishTitle() throws {
        let plain = PlainText(model: Self.model, width: 80)
        for (id, name) in Self.names {
            let entity = try XCTUnwrap(Self.model.entity(try entityID(id)), id)
            let lines = plain.entity(entity).split(separator: "\n").map(String.init)
            XCTAssertEqual(lines.first, "# " + entity.displayTitle, id)
            XCTAssertEqual(lines.dropFirst(2).first, "Names: \(name) (zh)", id)
        }
    }

    func testSearchFindsEachNameWholeAndByEveryTwoOfItsCharacters() throws {
        for (id, name) in Self.names {
            let target = try entityID(id)
            let whole = Self.model.search.search(name, limit: 500)
            XCTAssertEqual(whole.first?.id, target, "\(name) ranks its entity first")
            XCTAssertEqual(whole.first?.field, .title, "\(name) matches as the title does")
            let han = Array(name.filter(SearchIndex.isUnspaced))
            guard han.count > 2 else { continue }
            for start in 0..<(han.count - 1) {
                let pair = String(han[start...start + 1])
                let hit = Self.model.search.search(pair, limit: 500).first { $0.id == target }
                XCTAssertEqual(hit?.field, .title, "\(pair), part of \(name), finds \(id)")
            }
        }
    }

    func testTheJumpResolverTakesEachNameToItsEntity() throws {
        let lookup = EntityLookup(model: Self.model)
        for (id, name) in Self.names {
            let target = try entityID(id)
            let sharing = Self.names.filter { $0.value == name }.map(\.key)
            switch lookup.resolve(name) {
            case .found(let found):
                XCTAssertEqual(sharing.count, 1, "\(name) is shared, yet one entity was found")
                XCTAssertEqual(found, target, name)
            case .ambiguous(let candidates):
                XCTAssertGreaterThan(sharing.count, 1, "\(name) is no one else's name")
                XCTAssertTrue(candidates.contains(target), "\(name) lists \(id)")
            case .notFound(let closest):
                XCTFail("\(name) resolves to nothing (closest \(closest))")
            }
        }
    }

    func testTheJumpPromptOpensEachNameAndItsPageShowsIt() throws {
        var explorer = Self.explorer(width: 120, height: 40)
        for (id, name) in Self.names {
            press(&explorer, ":")
            typeText(&explorer, name)
            press(&explorer, "Enter")
            XCTAssertNil(explorer.state.overlay, name)
            XCTAssertEqual(explorer.state.current, try entityID(id), ":\(name)")
            let page = pageText(explorer).map { $0.trimmingCharacters(in: .whitespaces) }
            XCTAssertTrue(
                page.prefix(6).contains("Names: \(name) (zh)"), "\(id): \(page.prefix(6))")
        }
    }

    func testTheSearchPromptOpensEachNameAsItsFirstResult() throws {
        var explorer = Self.explorer(width: 80, height: 24)
        for (id, name) in Self.names {
            press(&explorer, "/")
            typeText(&explorer, name)
            guard case .search(let search)? = explorer.state.overlay else {
                return XCTFail("/\(name) left no search prompt open")
            }
            XCTAssertEqual(search.query, name)
            press(&explorer, "Enter")
            XCTAssertNil(explorer.state.overlay, name)
            XCTAssertEqual(explorer.state.current, try entityID(id), "/\(name)")
        }
    }

    func testSearchFindsTheTermsABodyGivesBesideItsRomanisation() throws {
        for (id, term) in Self.bodyTerms {
            let found = Self.model.search.search(term, limit: 500).map(\.id)
            XCTAssertTrue(found.contains(try entityID(id)), "\(term) finds \(id): \(found)")
        }
    }
}
