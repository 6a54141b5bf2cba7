#if canImport(Glibc)
import Glibc
#endif
import Diagnostics
import HandbookCheck
import HandbookModel
import HandbookSite
import HandbookSource
import Markup

// libFuzzer target: one page's whole pipeline. The input is a role file
// (first byte 0), a stage, a contract or a page, added to a small valid
// handbook; it is loaded and checked, and rendered to HTML whether or not
// the check passes. Findings: a crash or sanitizer report, `<script` or an
// `on…=` attribute in any output, an output path outside the site root.

let theme = Theme.load(overrides: nil, displayPath: "templates").theme!
let settings = HandbookLoader.loadSettings(Array("""
    title: Fuzz
    lifecycle: [discover, decide]
    external: {leadership: Leadership}
    """.utf8), file: "content/handbook.yaml").settings!
let stages = ["discover", "decide"].map { id in
    HandbookLoader.loadFile(Array("---\nname: \(id)\nquestion: Q?\noutput: O.\n---\n".utf8), kind: .stages, id: id, file: "content/stages/\(id).md")
        .handbook.stages[id]!
}

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzPage(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
    guard size > 0 else { return 0 }
    let bytes = Array(UnsafeBufferPointer(start: data + 1, count: size - 1))
    let kinds: [EntityKind] = [.roles, .stages, .contracts, .pages, .contexts]
    let kind = kinds[Int(data[0]) % kinds.count]
    let id = kind == .stages ? "decide" : "fuzz"
    var loaded = HandbookLoader.loadFile(bytes, kind: kind, id: id, file: "content/" + kind.path(of: id))
    var handbook = loaded.handbook
    handbook.settings = settings
    for stage in stages where handbook.stages[stage.id] == nil { handbook.stages[stage.id] = stage }
    loaded.handbook = handbook
    let diagnostics = HandbookChecker.finish(handbook, loadDiagnostics: loaded.diagnostics)
    // Render even with errors: the renderer must be safe on anything the loader accepts.
    let builder = SiteBuilder(handbook: handbook, warnings: diagnostics, theme: theme,
                              options: .init(contentRoot: "content", repositoryPath: "content", generator: "fuzz"))
    for page in builder.renderedPages() {
        guard OutputFolder.isSafe(page.path) else { fatalError("output path outside the site: \(page.path)") }
        if page.path.hasSuffix(".md") || page.path.hasSuffix(".txt") {
            // For agents, Markdown and text (never served as HTML): only well-formed UTF-8 is asked of them.
            guard page.html.utf8.allSatisfy({ $0 != 0 }) else { fatalError("a NUL byte in \(page.path)") }
            continue
        }
        if page.path.hasSuffix(".js") {
            // The search index and its text shards: content inside one single-quoted
            // string after `JSON.parse('`, which nothing may end early.
            let bytes = Array(page.html.utf8)
            let opener = Array("JSON.parse('".utf8)
            guard let start = (0...(max(0, bytes.count - opener.count))).first(where: { bytes[$0..<min(bytes.count, $0 + opener.count)].elementsEqual(opener) }),
                  page.html.hasSuffix("')};\n") || page.html.hasSuffix("'));\n") else { fatalError("bad search file \(page.path)") }
            let closer = 5 // the length of "')};\n" and of "'));\n"
            let inner = bytes[(start + opener.count)..<(bytes.count - closer)]
            var escaped = false
            for byte in inner {
                if escaped { escaped = false; continue }
                if byte == UInt8(ascii: "\\") { escaped = true } else if byte == UInt8(ascii: "'") || byte == 0x0A || byte == 0x0D { fatalError("search string ends early in \(page.path)") }
            }
            continue
        }
        if let problem = HTMLAudit.problem(in: page.html) { fatalError("\(problem) in \(page.path)") }
    }
    return 0
}

#if !FUZZING
import FuzzSupport

/// Outside fuzz builds: replays inputs through the harness (scripts/fuzz, tests).
@main
struct FuzzPageReplay {
    static func main() throws { try FuzzReplay.run(fuzzPage) }
}
#endif
