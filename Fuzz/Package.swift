// swift-tools-version:6.0
// libFuzzer targets for Caravan, kept apart so the main build stays free of them.
// Built and run by `make fuzz` (see docs/benchmarks.md and the Makefile):
//   swift build -c debug --package-path Fuzz --scratch-path .build-fuzz \
//     -Xswiftc -sanitize=address -Xswiftc -sanitize-coverage=edge,inline-8bit-counters,pc-table,trace-cmp
// AddressSanitizer and coverage reach the code under test too; only the fuzz targets
// are linked with libFuzzer, whose `main` calls their LLVMFuzzerTestOneInput (the
// package's build tools keep their own `main`).
import PackageDescription

let fuzzTarget: [SwiftSetting] = [.unsafeFlags(["-parse-as-library", "-sanitize=fuzzer"])]
let fuzzLink: [LinkerSetting] = [.unsafeFlags(["-sanitize=fuzzer"])]

let package = Package(
    name: "CaravanFuzz",
    dependencies: [.package(name: "Caravan", path: "..")],
    targets: [
        // Invariant checks that stop the fuzzer with a message (libFuzzer saves the input).
        .target(name: "CLibFuzzer"),
        .target(name: "FuzzSupport", dependencies: ["CLibFuzzer"]),
        .executableTarget(
            name: "FuzzContentLoader",
            dependencies: ["FuzzSupport", .product(name: "CaravanContent", package: "Caravan")],
            swiftSettings: fuzzTarget, linkerSettings: fuzzLink),
        .executableTarget(
            name: "FuzzMarkdown",
            dependencies: [
                "FuzzSupport", .product(name: "CaravanContent", package: "Caravan"),
                .product(name: "CaravanUI", package: "Caravan"),
            ],
            swiftSettings: fuzzTarget, linkerSettings: fuzzLink),
        .executableTarget(
            name: "FuzzKeyDecoder",
            dependencies: [
                "FuzzSupport", .product(name: "CaravanContent", package: "Caravan"),
                .product(name: "CaravanUI", package: "Caravan"),
                .product(name: "CaravanTerminal", package: "Caravan"),
            ],
            swiftSettings: fuzzTarget, linkerSettings: fuzzLink),
        .executableTarget(
            name: "FuzzSanitizer",
            dependencies: ["FuzzSupport", .product(name: "CaravanUI", package: "Caravan")],
            swiftSettings: fuzzTarget, linkerSettings: fuzzLink),
    ],
    swiftLanguageModes: [.v6]
)
