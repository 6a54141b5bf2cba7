// swift-tools-version:6.1
import Foundation
import PackageDescription

// scripts/fuzz sets HANDOFF_FUZZ=1: sanitizer builds link libFuzzer's main into
// every executable, the theme plugin's tool included, so the theme then comes
// from Sources/HandbookSite/Generated (written by a normal build of EmbedTheme).
let fuzzing = ProcessInfo.processInfo.environment["HANDOFF_FUZZ"] == "1"
// The template benchmark compares against swift-mustache (otherwise only the
// tests' reference engine): scripts/bench sets HANDOFF_TOOLS=1 to build it.
let tools = ProcessInfo.processInfo.environment["HANDOFF_TOOLS"] == "1"

let package = Package(
    name: "handoff",
    products: [
        .executable(name: "handoff", targets: ["handoff"]),
        .executable(name: "handoff-mcp", targets: ["handoff-mcp"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser.git", from: "1.8.2"),
        .package(url: "https://github.com/hummingbird-project/swift-mustache.git", from: "2.1.1"),
        // No default traits: "FullFoundation" makes Hummingbird import Foundation
        // (DateFormatter) instead of FoundationEssentials, which links ICU's data
        // (about 35 MB) into a static binary; "ConfigurationSupport" (swift-configuration)
        // is not used. Traits on a dependency need tools version 6.1.
        .package(url: "https://github.com/hummingbird-project/hummingbird.git", from: "2.28.1", traits: []),
        .package(url: "https://github.com/apple/swift-log.git", from: "1.16.2"),
        // Hummingbird's own dependency; the preview's responses are NIO ByteBuffers.
        .package(url: "https://github.com/apple/swift-nio.git", from: "2.101.2"),
        // `handoff mcp` (the Model Context Protocol server) runs bin/handoff-mcp,
        // which links this SDK and with it Foundation (and ICU's data): kept out
        // of bin/handoff, which links FoundationEssentials only.
        .package(url: "https://github.com/modelcontextprotocol/swift-sdk.git", from: "0.12.1"),
    ],
    targets: [
        .systemLibrary(
            name: "CCmarkGFM",
            pkgConfig: "libcmark-gfm",
            providers: [.apt(["libcmark-gfm-dev", "libcmark-gfm-extensions-dev"])]
        ),
        // Debian's libyaml, read as events by HandbookSource (the only importer);
        // nesting is capped there at 1,000 levels.
        .systemLibrary(
            name: "CLibYAML",
            pkgConfig: "yaml-0.1",
            providers: [.apt(["libyaml-dev"])]
        ),
        // Debian's libgumbo (an HTML5 parser) for the raw-HTML sanitizer; only Markup imports it.
        .systemLibrary(
            name: "CGumbo",
            pkgConfig: "gumbo",
            providers: [.apt(["libgumbo-dev"])]
        ),
        // Debian's libgvc (Graphviz) for the overview's flow map: dot's layout, SVG out.
        .systemLibrary(
            name: "CGraphviz",
            pkgConfig: "libgvc",
            providers: [.apt(["libgraphviz-dev"])]
        ),
        .target(name: "CSystemShims"),
        // Keeps cmark-gfm's process-wide table of special inline characters
        // stable while parses run on many threads (see its C file).
        .target(
            name: "CCmarkSpecialChars",
            linkerSettings: [.unsafeFlags(["-Xlinker", "--export-dynamic-symbol=cmark_manage_extensions_special_characters"])]
        ),
        .target(name: "Diagnostics"),
        .target(name: "HandbookModel", dependencies: ["Diagnostics"]),
        .target(name: "Markup", dependencies: ["CCmarkGFM", "CCmarkSpecialChars", "CGumbo", "Diagnostics"]),
        .target(
            name: "HandbookSource",
            dependencies: ["CLibYAML", "Diagnostics", "HandbookModel", "Markup"]
        ),
        .target(name: "HandbookCheck", dependencies: ["Diagnostics", "HandbookModel"]),
        .target(name: "HandbookDiff", dependencies: ["Diagnostics", "HandbookModel"]),
        // The Mustache compiler: templates bound to typed view schemas.
        .target(name: "Templates", dependencies: ["Diagnostics"]),
        .executableTarget(name: "EmbedTheme"),
        .plugin(name: "EmbedThemePlugin", capability: .buildTool(), dependencies: ["EmbedTheme"]),
        .target(
            name: "HandbookSite",
            dependencies: ["CGraphviz", "CSystemShims", "Diagnostics", "HandbookModel", "Markup", "Templates"],
            exclude: fuzzing ? ["Generated/README.md"] : ["Generated"],
            plugins: fuzzing ? [] : ["EmbedThemePlugin"]
        ),
        // Theme → load → check → report, once for every command (and git, paths).
        .target(
            name: "HandbookPipeline",
            dependencies: ["Diagnostics", "HandbookModel", "HandbookSource", "HandbookCheck", "HandbookSite"]
        ),
        // handoff serve: the live preview (Hummingbird 2), the site in memory.
        .target(
            name: "HandbookServe",
            dependencies: ["Diagnostics", "HandbookModel", "HandbookSource", "HandbookCheck", "HandbookSite", "HandbookPipeline",
                           .product(name: "Hummingbird", package: "hummingbird"),
                           .product(name: "Logging", package: "swift-log"),
                           .product(name: "NIOCore", package: "swift-nio")]
        ),
        .target(
            name: "HandoffCLI",
            dependencies: [
                "Diagnostics", "HandbookModel", "HandbookSource", "HandbookCheck", "HandbookSite", "HandbookDiff", "HandbookPipeline",
                "HandbookServe", "Markup",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ]
        ),
        .executableTarget(name: "handoff", dependencies: ["HandoffCLI"]),
        .executableTarget(
            name: "handoff-mcp",
            dependencies: ["HandoffCLI", "HandbookPipeline", "HandbookCheck", "HandbookSite", "HandbookModel", "Diagnostics",
                           .product(name: "MCP", package: "swift-sdk")],
            path: "Sources/HandoffMCP"
        ),
        .testTarget(
            name: "HandoffTests",
            dependencies: ["Diagnostics", "HandbookModel", "Markup", "HandbookSource", "HandbookCheck", "HandbookSite", "HandbookDiff", "HandoffCLI",
                           "HandbookPipeline", "HandbookServe", "Templates",
                           // Only for the differential test of the template engine against swift-mustache.
                           .product(name: "Mustache", package: "swift-mustache")]
        ),
    ],
    swiftLanguageModes: [.v6]
)

// Tools/: the benchmarks and the fuzz harnesses, not part of handoff. The fuzz
// harnesses build by default because the test suite replays their seeds.
package.targets += [
    // Markdown speed per core against raw cmark-gfm (scripts/bench runs it).
    .executableTarget(name: "MarkdownBench", dependencies: ["CCmarkGFM", "Markup"], path: "Tools/MarkdownBench"),
    // libFuzzer harnesses (scripts/fuzz builds them with --sanitize=fuzzer,address;
    // libFuzzer provides main, hence -parse-as-library).
    .target(name: "FuzzSupport", path: "Tools/FuzzSupport"),
    .executableTarget(
        name: "FuzzLoader",
        dependencies: ["FuzzSupport", "HandbookModel", "HandbookSource", "HandbookCheck"],
        path: "Tools/FuzzLoader",
        swiftSettings: [.unsafeFlags(["-parse-as-library"])]
    ),
    .executableTarget(
        name: "FuzzPage",
        dependencies: ["FuzzSupport", "Diagnostics", "HandbookModel", "Markup", "HandbookSource", "HandbookCheck", "HandbookSite"],
        path: "Tools/FuzzPage",
        swiftSettings: [.unsafeFlags(["-parse-as-library"])]
    ),
]
if tools {
    // Template rendering per page against swift-mustache.
    package.targets.append(.executableTarget(
        name: "TemplateBench",
        dependencies: ["HandbookPipeline", "HandbookSite", "Templates", .product(name: "Mustache", package: "swift-mustache")],
        path: "Tools/TemplateBench"
    ))
}
