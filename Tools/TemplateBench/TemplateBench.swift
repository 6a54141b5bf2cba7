import Dispatch
import Foundation
import HandbookPipeline
import HandbookCheck
import HandbookSite
import HandbookSource
import Mustache
import Templates

/// Template rendering per page, this engine against swift-mustache on the
/// same view data (swift-mustache gets each view as the dictionary its
/// schema describes, made outside its timing; the view models themselves are
/// built outside the timing for both). `scripts/bench` runs it:
///
///     TemplateBench CONTENT_FOLDER [RUNS]
///
/// Prints µs per page for each page kind, single-threaded, median of RUNS;
/// then the live preview's library call (`IncrementalSite.update`): the
/// first update, and the update after editing one role's purpose.
struct SwiftMustacheRenderer: PageRenderer {
    let library: MustacheLibrary
    var clock = Clock()

    init() throws {
        var library = MustacheLibrary()
        for (name, bytes) in Theme.builtInFiles where name.hasSuffix(".mustache") {
            library.register(try MustacheTemplate(string: String(decoding: bytes, as: UTF8.self)), named: String(name.dropLast(9)))
        }
        self.library = library
    }

    /// Times swift-mustache's render only, not the making of the dictionary it renders.
    func render<V: TemplateView>(_ view: V, template: String) -> String {
        let dictionary = AnySchema.dictionary(view)
        let start = DispatchTime.now().uptimeNanoseconds
        let out = library.render(dictionary, withTemplate: template) ?? ""
        clock.nanoseconds += DispatchTime.now().uptimeNanoseconds - start
        return out
    }
}

/// Accumulated render time.
final class Clock { var nanoseconds: UInt64 = 0 }

/// Times the template rendering only (the page's view model is built by SiteBuilder either way).
struct Timed<R: PageRenderer>: PageRenderer {
    let inner: R
    let clock: Clock

    func render<V: TemplateView>(_ view: V, template: String) -> String {
        let start = DispatchTime.now().uptimeNanoseconds
        let out = inner.render(view, template: template)
        clock.nanoseconds += DispatchTime.now().uptimeNanoseconds - start
        return out
    }
}

@main
enum TemplateBench {
    static func main() throws {
        let arguments = CommandLine.arguments
        guard arguments.count >= 2 else {
            FileHandle.standardError.write(Data("usage: TemplateBench CONTENT_FOLDER [RUNS]\n".utf8))
            exit(2)
        }
        let runs = arguments.count > 2 ? Int(arguments[2]) ?? 3 : 3
        let loaded = try HandbookPipeline(content: arguments[1], contentDisplay: "content", renderHTML: true).run()
        let diagnostics = loaded.diagnostics
        let theme = loaded.theme!
        let builder = SiteBuilder(handbook: loaded.handbook, warnings: diagnostics, theme: theme,
                                  options: .init(contentRoot: "content", repositoryPath: "content", generator: "bench"))
        let reference = try SwiftMustacheRenderer()
        var ours: [String: [Double]] = [:], theirs: [String: [Double]] = [:], counts: [String: Int] = [:]
        let pages = builder.sitePages
        for page in pages { counts[page.kind, default: 0] += 1 }
        for _ in 0..<runs {
            for (engine, results) in [("ours", 0), ("theirs", 1)] {
                var perKind: [String: UInt64] = [:]
                for page in pages {
                    let clock = Clock()
                    if results == 0 {
                        _ = builder.render(page, with: Timed(inner: theme, clock: clock))
                    } else {
                        var timed = reference
                        timed.clock = clock
                        _ = builder.render(page, with: timed)
                    }
                    perKind[page.kind, default: 0] += clock.nanoseconds
                }
                for (kind, total) in perKind {
                    let micros = Double(total) / 1000 / Double(counts[kind]!)
                    if engine == "ours" { ours[kind, default: []].append(micros) } else { theirs[kind, default: []].append(micros) }
                }
            }
        }
        func median(_ values: [Double]) -> Double { values.sorted()[values.count / 2] }
        print("| page kind | pages | handoff µs/page | swift-mustache µs/page | speed-up |")
        print("|---|---:|---:|---:|---:|")
        for kind in counts.keys.sorted() {
            let a = median(ours[kind]!), b = median(theirs[kind]!)
            print("| \(kind) | \(counts[kind]!) | \(String(format: "%.1f", a)) | \(String(format: "%.1f", b)) | \(String(format: "%.1f×", b / a)) |")
        }

        let site = IncrementalSite(theme: theme, options: .init(contentRoot: "content", repositoryPath: "content", generator: "bench"))
        func timed(_ body: () -> IncrementalSite.Update) -> (Double, IncrementalSite.Update) {
            let start = DispatchTime.now().uptimeNanoseconds
            let update = body()
            return (Double(DispatchTime.now().uptimeNanoseconds - start) / 1e6, update)
        }
        let (first, initial) = timed { site.update(handbook: loaded.handbook, warnings: diagnostics) }
        var edited = loaded.handbook
        let role = edited.roles.keys.sorted().first!
        edited.roles[role]!.purpose += " (edited)"
        var times: [Double] = []
        var last = initial
        for _ in 0..<runs {
            edited.roles[role]!.purpose += "."
            let (ms, update) = timed { site.update(handbook: edited, warnings: diagnostics) }
            times.append(ms)
            last = update
        }
        print("")
        print("IncrementalSite.update: first \(String(format: "%.0f", first)) ms for \(initial.changed.count) files; "
              + "after editing role '\(role)''s purpose \(String(format: "%.0f", median(times))) ms (median of \(runs)), "
              + "\(last.changed.count) files changed, \(last.reused) pages reused")
    }
}
