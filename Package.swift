// swift-tools-version:6.0
import PackageDescription

let package = Package(
    name: "Caravan",
    platforms: [.macOS(.v13)],
    products: [
        .executable(name: "caravan", targets: ["caravan"]),
        .library(name: "CaravanContent", targets: ["CaravanContent"]),
        // For the fuzz targets in Fuzz/, a package of their own.
        .library(name: "CaravanUI", targets: ["CaravanUI"]),
        .library(name: "CaravanTerminal", targets: ["CaravanTerminal"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.5.0"),
        .package(url: "https://github.com/jpsim/Yams", from: "6.0.0"),
        .package(url: "https://github.com/apple/swift-nio", from: "2.101.2"),
        .package(url: "https://github.com/apple/swift-nio-ssh", from: "0.15.1"),
        .package(url: "https://github.com/apple/swift-crypto", "3.0.0"..<"5.0.0"),
        .package(url: "https://github.com/LebJe/TOMLKit", from: "0.6.0"),
    ],
    targets: [
        // C libraries, reached through pkg-config.
        .systemLibrary(
            name: "CCmark", pkgConfig: "libcmark",
            providers: [.apt(["libcmark-dev"])]),
        .systemLibrary(
            name: "CNcursesw", pkgConfig: "ncursesw",
            providers: [.apt(["libncurses-dev"])]),

        // 1. The content model: loading, validation, links, search. No terminal code.
        .target(
            name: "CaravanContent",
            dependencies: ["CCmark", .product(name: "Yams", package: "Yams")]),

        // The default content, compiled in by the EmbedContent plugin.
        // Parses, checks and indexes it at build time: the plugin's tool needs the model.
        .executableTarget(name: "content-embedder", dependencies: ["CaravanContent"]),
        .plugin(
            name: "EmbedContent", capability: .buildTool(),
            dependencies: ["content-embedder"]),
        .target(
            name: "CaravanDefaultContent",
            dependencies: ["CaravanContent"],
            plugins: ["EmbedContent"]),

        // 2. The terminal-independent UI: state, pure update, views into a grid of cells.
        .target(name: "CaravanUI", dependencies: ["CaravanContent"]),

        // 3. The thin ncurses backend.
        .target(name: "CaravanTerminal", dependencies: ["CaravanUI", "CNcursesw"]),

        // Reading state (marks, notes, last place) and the user's config file.
        .target(name: "CaravanStore"),
        .target(
            name: "CaravanConfig",
            dependencies: [
                "CaravanUI", "CaravanContent", .product(name: "TOMLKit", package: "TOMLKit"),
            ]),

        // `caravan serve`: the explorer as an SSH app, one pseudo-terminal per session.
        .target(name: "CPty"),
        .target(
            name: "CaravanServe",
            dependencies: [
                "CPty",
                .product(name: "NIOCore", package: "swift-nio"),
                .product(name: "NIOPosix", package: "swift-nio"),
                .product(name: "NIOConcurrencyHelpers", package: "swift-nio"),
                .product(name: "NIOSSH", package: "swift-nio-ssh"),
                .product(name: "Crypto", package: "swift-crypto"),
            ]),

        // 4. The executable.
        .executableTarget(
            name: "caravan",
            dependencies: [
                "CaravanContent", "CaravanDefaultContent", "CaravanUI", "CaravanTerminal",
                "CaravanServe",
                "CaravanStore", "CaravanConfig",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ],
            // A release binary exports none of its symbols and carries no symbol table
            // (91 -> 70 MB), and is linked by lld with its 104,000 relative relocations
            // packed (RELR: 2.5 MB -> 20 KB, no longer read at every start). It stays
            // position-independent: `caravan serve` parses what strangers send, so its
            // code keeps a random address (docs/DECISIONS.md).
            linkerSettings: [
                .unsafeFlags(
                    [
                        "-use-ld=lld", "-Xlinker", "--no-export-dynamic", "-Xlinker",
                        "--strip-all", "-Xlinker", "-z", "-Xlinker", "pack-relative-relocs",
                    ],
                    .when(platforms: [.linux], configuration: .release))
            ]),

        // `make bench`: times the explorer's update and view without a terminal.
        .executableTarget(
            name: "caravan-bench",
            dependencies: ["CaravanContent", "CaravanDefaultContent", "CaravanUI"]),

        // A backend without a terminal, so tests run the real program loop.
        .target(
            name: "CaravanTestSupport", dependencies: ["CaravanUI"],
            path: "Tests/CaravanTestSupport"),
        .testTarget(
            name: "CaravanContentTests", dependencies: ["CaravanContent", "CaravanDefaultContent"]),
        // libcmark too, to read the CommonMark spec's examples as the library parses them.
        .testTarget(
            name: "CaravanUITests",
            dependencies: [
                "CaravanUI", "CaravanContent", "CaravanDefaultContent", "CCmark",
                "CaravanTestSupport",
            ],
            exclude: ["Golden"]),
        .testTarget(name: "CaravanStoreTests", dependencies: ["CaravanStore"]),
        .testTarget(
            name: "CaravanServeTests",
            dependencies: [
                "CaravanServe", .product(name: "NIOSSH", package: "swift-nio-ssh"),
                .product(name: "Crypto", package: "swift-crypto"),
                .product(name: "NIOEmbedded", package: "swift-nio"),
            ]),
        // The executable's own parts: the explorer session and what it writes and runs.
        .testTarget(
            name: "CaravanTests",
            dependencies: [
                "caravan", "CaravanTestSupport", "CaravanStore", "CaravanDefaultContent",
                "CaravanTerminal",
            ]),
        .testTarget(
            name: "CaravanConfigTests",
            dependencies: ["CaravanConfig", "CaravanUI", "CaravanContent"]),
    ],
    swiftLanguageModes: [.v6]
)
