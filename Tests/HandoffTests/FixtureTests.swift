import Diagnostics
import Foundation
import HandbookPipeline
import HandbookCheck
import HandbookSource
import Testing

/// Whole fixture handbooks: `Tests/Fixtures/valid/<case>/content` check
/// without errors, and without warnings unless `<case>/expected-diagnostics.txt`
/// lists them (FORMAT.md's examples: one contract for six stages);
/// `Tests/Fixtures/invalid/<case>/content` give exactly the text in
/// `<case>/expected-diagnostics.txt` (re-record with HANDOFF_RECORD=1).
@Suite struct FixtureTests {
    static func report(_ content: URL) throws -> DiagnosticReport {
        try HandbookPipeline(content: content.path, contentDisplay: "content").run(theme: .none).report
    }

    @Test(arguments: Paths.subfolders(of: Paths.fixtures.appendingPathComponent("valid")))
    func validFixtureIsClean(name: String) throws {
        let report = try Self.report(Paths.fixtures.appendingPathComponent("valid/\(name)/content"))
        let expectedFile = Paths.fixtures.appendingPathComponent("valid/\(name)/expected-diagnostics.txt")
        #expect(report.errors == 0, "\(report.text())")
        if let expected = try? String(contentsOf: expectedFile, encoding: .utf8) {
            #expect(report.text() == expected)
        } else {
            #expect(report.diagnostics.isEmpty, "\(report.text())")
        }
    }

    @Test func theExampleHandbookIsClean() throws {
        let report = try Self.report(Paths.exampleContent)
        #expect(report.text() == "0 errors, 0 warnings in 35 files\n")
    }

    @Test(arguments: Paths.subfolders(of: Paths.fixtures.appendingPathComponent("invalid")))
    func invalidFixtureMatchesExpectedDiagnostics(name: String) throws {
        let folder = Paths.fixtures.appendingPathComponent("invalid/\(name)")
        let actual = try Self.report(folder.appendingPathComponent("content")).text()
        let expectedFile = folder.appendingPathComponent("expected-diagnostics.txt")
        if Paths.recording {
            try actual.write(to: expectedFile, atomically: true, encoding: .utf8)
            Issue.record("re-recorded \(expectedFile.path); run again without HANDOFF_RECORD")
            return
        }
        let expected = try String(contentsOf: expectedFile, encoding: .utf8)
        #expect(actual == expected)
        #expect(!actual.hasPrefix("0 errors, 0 warnings"), "an invalid fixture must report something")
    }
}
