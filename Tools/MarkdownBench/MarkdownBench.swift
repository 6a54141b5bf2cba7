import CCmarkGFM
import Foundation
import Markup

/// Markdown speed per core: raw cmark-gfm (parse and render with the GFM
/// extensions) against handoff's whole Markdown path for a page (the
/// resource guard, the scan for links and anchors that check uses, and the
/// safe HTML render that build uses), one thread, the same bodies.
///
///     MarkdownBench CONTENT_FOLDER [ROUNDS]
@main
struct MarkdownBench {
    static func main() throws {
        let arguments = CommandLine.arguments
        guard arguments.count > 1 else {
            print("usage: MarkdownBench CONTENT_FOLDER [ROUNDS]")
            return
        }
        let rounds = arguments.count > 2 ? Int(arguments[2]) ?? 3 : 3
        var bodies: [String] = []
        let enumerator = FileManager.default.enumerator(atPath: arguments[1])
        while let path = enumerator?.nextObject() as? String {
            guard path.hasSuffix(".md"), let text = try? String(contentsOfFile: arguments[1] + "/" + path, encoding: .utf8) else { continue }
            let parts = text.components(separatedBy: "\n---\n")
            bodies.append(parts.count > 1 ? parts.dropFirst().joined(separator: "\n---\n") : text)
        }
        let bytes = bodies.reduce(0) { $0 + $1.utf8.count }
        cmark_gfm_core_extensions_ensure_registered()

        func time(_ work: () -> Void) -> Double {
            var best = Double.infinity
            for _ in 0..<rounds {
                let start = DispatchTime.now().uptimeNanoseconds
                work()
                best = min(best, Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9)
            }
            return best
        }
        let raw = time {
            for body in bodies {
                let parser = cmark_parser_new(CMARK_OPT_DEFAULT)!
                for name in ["table", "strikethrough", "autolink", "tasklist"] {
                    if let ext = cmark_find_syntax_extension(name) { cmark_parser_attach_syntax_extension(parser, ext) }
                }
                var text = body
                text.withUTF8 { buffer in
                    buffer.withMemoryRebound(to: CChar.self) { cmark_parser_feed(parser, $0.baseAddress!, $0.count) }
                }
                let document = cmark_parser_finish(parser)!
                let html = cmark_render_html(document, CMARK_OPT_DEFAULT, cmark_parser_get_syntax_extensions(parser))!
                _ = String(cString: html)
                free(html)
                cmark_node_free(document)
                cmark_parser_free(parser)
            }
        }
        let limits = MarkdownLimits()
        let ours = time {
            for body in bodies {
                _ = MarkdownGuard.check(body, limits: limits)
                _ = MarkdownRendering(body) { $0 }
            }
        }
        let render = time {
            for body in bodies { _ = MarkdownHTML.render(body) { $0 } }
        }
        let mb = Double(bytes) / 1e6
        print(String(format: "%d bodies, %.1f MB, best of %d, one thread", bodies.count, mb, rounds))
        print(String(format: "raw cmark-gfm parse+render:      %.3f s  %.1f MB/s", raw, mb / raw))
        print(String(format: "handoff render (build's part):   %.3f s  %.1f MB/s  %.0f%% of raw speed", render, mb / render, raw / render * 100))
        print(String(format: "handoff guard+scan+render:       %.3f s  %.1f MB/s  (the loader's one pass: limits, links, anchors, HTML)", ours, mb / ours))
    }
}
