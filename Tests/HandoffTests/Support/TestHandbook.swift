import Diagnostics
import Foundation
import HandbookPipeline
import HandbookCheck
import HandbookSource
import Testing

/// A handbook written into a temporary folder for one test: a small valid
/// base that checks clean, with files replaced, added or removed. Files may
/// carry `1️⃣` markers; `check()` returns the diagnostics and `at(_:)` the
/// location a marker stood at (paths shown as `content/...`).
struct TestHandbook {
    /// The rule examples' base handbook (`RuleExample.base`) with a title of
    /// its own, short stage questions and bodies that tests link into.
    static let base: [String: String] = {
        var files = RuleExample.base
        files["handbook.yaml"] = files["handbook.yaml"]!.replacingOccurrences(of: "Example Handbook", with: "Test Handbook")
        files["stages/discover.md"] = "---\nname: Discover\nquestion: What?\noutput: A brief.\n---\nBody.\n"
        files["stages/decide.md"] = "---\nname: Decide\nquestion: Which?\noutput: A pitch.\n---\n"
        files["roles/pm.md"] = files["roles/pm.md"]!.replacingOccurrences(of: "Pick problems worth solving.", with: "Pick problems.")
            + "\n# PM\n\n## How we work"
        files["roles/eng.md"] = files["roles/eng.md"]!.replacingOccurrences(of: "Build what the plan promises.", with: "Build.")
        return files
    }()

    private(set) var files: [String: String]
    private var markers: [Character: (file: String, line: Int, column: Int)] = [:]
    private var rawFiles: [String: [UInt8]] = [:]

    init(_ overrides: [String: String?] = [:]) {
        files = Self.base
        for (path, text) in overrides { files[path] = text }
    }

    /// Adds a file with exact bytes (invalid UTF-8, NUL bytes...).
    mutating func setBytes(_ path: String, _ bytes: [UInt8]) { rawFiles[path] = bytes }

    func at(_ marker: Character) -> Diagnostics.SourceLocation {
        guard let position = markers[marker] else {
            Issue.record("no marker \(marker) in the test handbook")
            return Diagnostics.SourceLocation(file: "?", line: 0, column: 0)
        }
        return Diagnostics.SourceLocation(file: "content/" + position.file, line: position.line, column: position.column)
    }

    /// Writes the handbook to a new temporary folder and returns its path.
    mutating func write() throws -> String {
        let root = FileManager.default.temporaryDirectory.appendingPathComponent("handoff-test-\(UUID().uuidString)/content")
        markers = [:]
        for (path, marked) in files.sorted(by: { $0.key < $1.key }) {
            let text = MarkedText(marked)
            for (marker, position) in text.positions { markers[marker] = (path, position.line, position.column) }
            try write(Array(text.text.utf8), to: root.appendingPathComponent(path))
        }
        for (path, bytes) in rawFiles { try write(bytes, to: root.appendingPathComponent(path)) }
        return root.path
    }

    private func write(_ bytes: [UInt8], to url: URL) throws {
        try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
        try Data(bytes).write(to: url)
    }

    /// Loads and checks; diagnostics sorted, paths shown under `content/`.
    mutating func check(limits: LoadLimits = LoadLimits()) throws -> [Diagnostic] {
        let path = try write()
        defer { try? FileManager.default.removeItem(atPath: (path as NSString).deletingLastPathComponent) }
        return try HandbookPipeline(content: path, contentDisplay: "content", limits: limits).run(theme: .none)
            .diagnostics
    }
}

/// A compact, comparable form of a diagnostic for `#expect(==)`.
struct Reported: Equatable, CustomStringConvertible {
    var rule: String
    var severity: Severity
    var location: Diagnostics.SourceLocation
    var message: String
    var notes: [String]

    init(_ rule: RuleID, _ severity: Severity, _ location: Diagnostics.SourceLocation, _ message: String, notes: [String] = []) {
        self.rule = rule.rawValue
        self.severity = severity
        self.location = location
        self.message = message
        self.notes = notes
    }

    init(_ d: Diagnostic) {
        rule = d.rule.rawValue
        severity = d.severity
        location = d.location
        message = d.message
        notes = d.notes.map { note in note.location.map { "\(note.message) (\($0))" } ?? note.message }
    }

    var description: String { "\(location): \(severity.rawValue): \(message) [\(rule)] \(notes)" }
}

extension Array where Element == Diagnostic {
    var reported: [Reported] { map(Reported.init) }
}

/// `#expect(actual == expected)` that prints both lists when they differ.
func expectSame(_ actual: [Reported], _ expected: [Reported], sourceLocation: Testing.SourceLocation = #_sourceLocation) {
    #expect(actual == expected,
            "\nactual:\n\(actual.map(\.description).joined(separator: "\n"))\nexpected:\n\(expected.map(\.description).joined(separator: "\n"))",
            sourceLocation: sourceLocation)
}
