import Foundation

/// Paths of the repository, found from this file's location.
enum Paths {
    static let packageRoot = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
    static let fixtures = packageRoot.appendingPathComponent("Tests/Fixtures")
    static let exampleContent = packageRoot.appendingPathComponent("content")

    /// The `handoff` binary that `swift build` made beside the tests.
    static var binary: URL {
        let candidates = [
            Bundle.main.bundleURL.deletingLastPathComponent().appendingPathComponent("handoff"),
            packageRoot.appendingPathComponent(".build/debug/handoff"),
        ]
        return candidates.first { FileManager.default.isExecutableFile(atPath: $0.path) } ?? candidates[1]
    }

    /// Golden files are re-recorded only with HANDOFF_RECORD=1, and the
    /// run then fails so that nothing passes silently.
    static var recording: Bool { ProcessInfo.processInfo.environment["HANDOFF_RECORD"] == "1" }

    static func subfolders(of url: URL) -> [String] {
        ((try? FileManager.default.contentsOfDirectory(atPath: url.path)) ?? []).filter { !$0.hasPrefix(".") }.sorted()
    }
}
