import CaravanContent
import CaravanDefaultContent
import CaravanUI
import Foundation

#if canImport(Glibc)
    import Glibc
#endif

// caravan-bench: times the explorer's update and view without a terminal.
//
//   caravan-bench [--content DIR] [--sizes 80x24,120x40,300x100] [--rounds N]
//
// Prints one JSON object: content load time and peak memory, then for each size the
// time each kind of key takes (update followed by view), in microseconds.

/// One kind of key press the benchmark measures, and how to get there.
struct Scenario {
    let name: String
    /// Keys sent before each measured key, not timed.
    let setup: [InputEvent]
    /// The measured keys; each is timed on its own.
    let keys: [InputEvent]
    /// Keys sent after, not timed, to leave the explorer as it was.
    let teardown: [InputEvent]
    /// The pane the keys act on, when only it (and the status bar) should change.
    var pane: Pane? = nil
}

/// Command-line options.
struct Options {
    var content: String?
    var sizes: [(width: Int, height: Int)] = [(80, 24), (120, 40), (300, 100)]
    var rounds = 20
    var query = "brand"

    init(arguments: [String]) {
        var rest = arguments.dropFirst()
        while let argument = rest.popFirst() {
            switch argument {
            case "--content": content = rest.popFirst()
            case "--rounds": rounds = rest.popFirst().flatMap { Int($0) } ?? rounds
            case "--query": query = rest.popFirst() ?? query
            case "--sizes":
                sizes = (rest.popFirst() ?? "").split(separator: ",").compactMap { size in
                    let parts = size.split(separator: "x").compactMap { Int($0) }
                    return parts.count == 2 ? (parts[0], parts[1]) : nil
                }
            default:
                FileHandle.standardError.write(
                    Data("caravan-bench: unknown option \(argument)\n".utf8))
                exit(2)
            }
        }
    }
}

/// Microseconds of monotonic time.
func now() -> Double {
    var time = timespec()
    clock_gettime(CLOCK_MONOTONIC, &time)
    return Double(time.tv_sec) * 1e6 + Double(time.tv_nsec) / 1e3
}

/// Peak resident memory of this process so far, in KiB.
func peakMemoryKiB() -> Int {
    guard let status = try? String(contentsOfFile: "/proc/self/status", encoding: .utf8) else {
        return 0
    }
    for line in status.split(separator: "\n") where line.hasPrefix("VmHWM:") {
        return Int(line.split(separator: " ").dropFirst().first ?? "") ?? 0
    }
    return 0
}

/// Median, 90th percentile and maximum of some timings.
func summary(_ values: [Double]) -> [String: Double] {
    let sorted = values.sorted()
    guard !sorted.isEmpty else { return [:] }
    func rounded(_ value: Double) -> Double { (value * 10).rounded() / 10 }
    let p90 = sorted[min(sorted.count - 1, Int((Double(sorted.count) * 0.9).rounded(.up)) - 1)]
    return [
        "median_us": rounded(sorted[sorted.count / 2]), "p90_us": rounded(p90),
        "max_us": rounded(sorted[sorted.count - 1]), "count": Double(sorted.count),
    ]
}

/// The explorer under test and the last frame it drew.
struct Bench {
    var explorer: Explorer
    var shown: Grid?

    /// What one key cost: time for update and view, and the cells it changed on screen.
    struct Cost {
        var microseconds: Double
        var changedCells: Int
        /// The UTF-8 bytes of the changed cells' text: the least a backend must send.
        var changedBytes: Int
        /// Changed cells outside `pane` and the status bar.
        var changedOutside: Int
    }

    /// Sends an event and draws the frame, as the terminal loop does.
    @discardableResult
    mutating func step(_ event: InputEvent, pane: Pane? = nil) -> Cost {
        let start = now()
        _ = explorer.update(event)
        let frame = explorer.view()
        let elapsed = now() - start
        var cells = 0
        var bytes = 0
        var outside = 0
        let grid = frame.grid
        let area = pane.flatMap { pane in
            PaneLayout(
                width: grid.width, height: grid.height, focus: pane, sidePane: .navigator,
                zoomed: explorer.state.zoomed
            ).rect(of: pane)
        }
        if let shown, shown.width == grid.width, shown.height == grid.height {
            for (index, (old, new)) in zip(shown.cells, grid.cells).enumerated() where old != new {
                cells += 1
                bytes += new.grapheme.utf8.count
                let (x, y) = (index % grid.width, index / grid.width)
                if let area, !area.contains(x: x, y: y), y != grid.height - 1 { outside += 1 }
            }
        } else {
            cells = grid.cells.count
            bytes = grid.cells.reduce(0) { $0 + $1.grapheme.utf8.count }
        }
        shown = grid
        return Cost(
            microseconds: elapsed, changedCells: cells, changedBytes: bytes, changedOutside: outside
        )
    }
}

func key(_ name: String) -> InputEvent {
    guard let key = Key(name: name) else { fatalError("no key named \(name)") }
    return .key(key)
}

func keys(_ names: String) -> [InputEvent] {
    names.split(separator: " ").map { key(String($0)) }
}

func typed(_ text: String) -> [InputEvent] {
    text.map { .key(.character($0)) }
}

func scenarios(width: Int, height: Int, query: String) -> [Scenario] {
    let other = width == 80 ? (width: 120, height: 40) : (width: 80, height: 24)
    return [
        Scenario(
            name: "scroll-line", setup: keys("l"), keys: Array(repeating: key("j"), count: 10),
            teardown: keys("g h"),
            pane: .reader),
        Scenario(
            name: "scroll-line-zoomed", setup: keys("l z"),
            keys: Array(repeating: key("j"), count: 10),
            teardown: keys("g z h")),
        Scenario(
            name: "page-down", setup: keys("l"), keys: keys("PgDn PgDn PgDn"),
            teardown: keys("g h"), pane: .reader),
        Scenario(name: "no-change", setup: keys("l g"), keys: keys("k k k"), teardown: keys("h")),
        Scenario(
            name: "navigator-move", setup: [], keys: Array(repeating: key("j"), count: 10),
            teardown: keys("g")),
        Scenario(
            name: "follow-link", setup: keys("l Tab"), keys: keys("Enter"),
            teardown: keys("Backspace g h")),
        Scenario(
            name: "back", setup: keys("l Tab Enter"), keys: keys("Backspace"), teardown: keys("g h")
        ),
        Scenario(name: "open-search", setup: [], keys: keys("/"), teardown: keys("Esc")),
        Scenario(name: "type-query", setup: keys("/"), keys: typed(query), teardown: keys("Esc")),
        Scenario(name: "open-jump", setup: [], keys: keys(":"), teardown: keys("Esc")),
        Scenario(
            name: "resize", setup: [],
            keys: [
                .resize(width: other.width, height: other.height),
                .resize(width: width, height: height),
            ],
            teardown: []),
    ]
}

func measure(model: ContentModel, width: Int, height: Int, rounds: Int, query: String) -> [String:
    Any]
{
    var bench = Bench(explorer: Explorer(model: model, width: width, height: height))
    bench.step(.resize(width: width, height: height))
    var result: [String: Any] = [:]
    var all: [Double] = []
    for scenario in scenarios(width: width, height: height, query: query) {
        var costs: [Bench.Cost] = []
        for _ in 0..<rounds {
            for event in scenario.setup { bench.step(event) }
            for event in scenario.keys { costs.append(bench.step(event, pane: scenario.pane)) }
            for event in scenario.teardown { bench.step(event) }
        }
        all += costs.map(\.microseconds)
        var entry = summary(costs.map(\.microseconds))
        entry["changed_cells_median"] = median(costs.map { Double($0.changedCells) })
        entry["changed_bytes_median"] = median(costs.map { Double($0.changedBytes) })
        if scenario.pane != nil {
            entry["changed_outside_pane_max"] = costs.map { Double($0.changedOutside) }.max() ?? 0
        }
        result[scenario.name] = entry
    }
    result["all"] = summary(all)
    return result
}

/// Reading the model in its precompiled form, as the program opens it: the compiled-in
/// paper, or a folder's model as its cache holds it (written here first). Milliseconds;
/// `index_ms` is until the first search can run (the index is read on another thread).
func openPrecompiled(_ loaded: ContentModel, folder: String?) -> [String: Double] {
    var figures: [String: Double] = [:]
    let start = now()
    let model: ContentModel
    if let folder {
        let bytes = ModelArchive.encode(
            loaded, origin: ModelArchive.Origin(program: "bench", key: "bench", stamps: []))
        figures["write_ms"] = ((now() - start) / 100).rounded() / 10
        figures["archive_mb"] = (Double(bytes.count) / 100_000).rounded() / 10
        // Read back as a second open reads it: from the cache file, mapped.
        let scratch = NSTemporaryDirectory() + "caravan-bench-\(getpid())"
        let cache = ModelCache(folder: scratch + "/caravan", program: "bench")
        defer { try? FileManager.default.removeItem(atPath: scratch) }
        let sources: [ContentSource] = [.folder(folder)]
        guard cache.write(loaded, sources: sources, readStart: Date()) else { return figures }
        let readStart = now()
        guard let decoded = cache.read(sources) else { return figures }
        model = decoded
        figures["open_ms"] = ((now() - readStart) / 100).rounded() / 10
    } else {
        model = DefaultContent.precompiled
        figures["open_ms"] = ((now() - start) / 100).rounded() / 10
    }
    let indexStart = now()
    _ = model.search.search("brand", limit: 1)
    figures["index_ms"] = ((now() - indexStart) / 100).rounded() / 10
    return figures
}

func median(_ values: [Double]) -> Double {
    let sorted = values.sorted()
    return sorted.isEmpty ? 0 : sorted[sorted.count / 2]
}

let options = Options(arguments: CommandLine.arguments)
let loadStart = now()
let model: ContentModel
if let folder = options.content {
    model = ContentLoader.load(folder: folder)
} else {
    model = DefaultContent.load()
}
let loadMicroseconds = now() - loadStart
let opened = openPrecompiled(model, folder: options.content)
let searchStart = now()
var searchTimings: [Double] = []
for length in 1...options.query.count {
    let start = now()
    _ = model.search.search(String(options.query.prefix(length)), limit: 100)
    searchTimings.append(now() - start)
}
_ = searchStart

var sizes: [String: Any] = [:]
for size in options.sizes {
    sizes["\(size.width)x\(size.height)"] = measure(
        model: model, width: size.width, height: size.height, rounds: options.rounds,
        query: options.query)
}
let report: [String: Any] = [
    "content": options.content ?? "default",
    "entities": model.entities.count,
    "errors": model.errors.count,
    "load_ms": (loadMicroseconds / 100).rounded() / 10,
    "precompiled": opened,
    "search_index_us": summary(searchTimings),
    "peak_rss_kb": peakMemoryKiB(),
    "sizes": sizes,
]
let data = try JSONSerialization.data(
    withJSONObject: report, options: [.prettyPrinted, .sortedKeys])
print(String(decoding: data, as: UTF8.self))
