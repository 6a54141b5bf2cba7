import Diagnostics
import Dispatch
import HandbookPipeline
import HandbookSite

/// The preview of a portfolio: every edit checks and renders the whole
/// portfolio again (each handbook's site under its folder, the overview at
/// the root), with the bytes `build` writes; errors keep the last good site.
/// Not incremental: a portfolio's handbooks are small, and a single handbook
/// keeps the narrowed rebuild of `rebuild(changed:)`.
extension PreviewServer {
    func rebuildPortfolio(_ file: String) -> Outcome {
        let started = DispatchTime.now().uptimeNanoseconds
        func elapsed() -> Double { Double(DispatchTime.now().uptimeNanoseconds - started) / 1e6 }
        let checked: PortfolioPipeline.Checked
        do {
            checked = try PortfolioPipeline(file: file, limits: options.limits, renderHTML: true).run(relations: true)
        } catch {
            let problem = Diagnostic(.yamlSyntax, error.description, at: .start(of: DisplayPath.of(file)))
            let report = DiagnosticReport(diagnostics: [], files: 0, placed: [problem])
            state.publish(report: report, site: nil, editor: options.editor)
            return Outcome(report: report, update: nil, milliseconds: elapsed())
        }
        let report = checked.report
        let memory = MemorySite()
        // A memory site refuses nothing; nil is a handbook without a theme, reported above.
        let built = report.errors == 0 ? (try? checked.buildSite(into: memory, generator: options.generator)) ?? nil : nil
        guard built != nil else {
            state.publish(report: report, site: nil, editor: options.editor)
            return Outcome(report: report, update: nil, milliseconds: elapsed())
        }
        let files = memory.files
        state.publish(report: report, site: files, editor: options.editor)
        return Outcome(report: report, update: .init(changed: files.keys.sorted(), removed: [], reused: 0), milliseconds: elapsed())
    }
}
