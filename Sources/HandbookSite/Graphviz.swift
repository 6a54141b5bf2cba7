import CGraphviz
import CSystemShims
import Diagnostics
import HandbookModel
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Graphviz's `dot` layout through libgvc (Debian's `libgraphviz-dev`): DOT
/// source in, an SVG element out, ready to inline in a page. libgvc is not
/// thread-safe, so layouts take turns; the output depends only on the
/// source (dot is deterministic), and what varies between Graphviz builds
/// (the version comment) is cut.
enum Graphviz {
    private static let lock = MutexLock()
    /// Drawings by source: the live preview renders the overview on every
    /// edit, and most edits leave the flow map as it was.
    nonisolated(unsafe) private static var cache: [String: String] = [:]

    /// The `<svg>` element dot draws for `source`, its ids prefixed with
    /// `idPrefix` (so two drawings can share a page); nil when the source
    /// does not parse, or the layout fails or crashes.
    ///
    /// The layout runs in a forked child: Graphviz 2.42 (Debian 12) frees
    /// memory twice on some graphs (labelled edges between nodes of one rank,
    /// in `flat_edges`), which would take the whole build down. The child
    /// runs only C (libgvc, `write`, `_exit`), writes the SVG to a pipe and
    /// exits; a child that dies costs the drawing, not the build.
    static func svg(_ source: String, idPrefix: String) -> String? {
        lock.lock()
        defer { lock.unlock() }
        if let known = cache[source + "\u{0}" + idPrefix] { return known }
        guard let bytes = layOut(source) else { return nil }
        let svg = clean(String(decoding: bytes, as: UTF8.self), idPrefix: idPrefix)
        if cache.count > 16 { cache.removeAll() }
        cache[source + "\u{0}" + idPrefix] = svg
        return svg
    }

    /// dot's SVG output for `source`, from a child process.
    private static func layOut(_ source: String) -> [UInt8]? {
        guard let text = strdup(source) else { return nil }
        defer { free(text) }
        var ends: [Int32] = [0, 0]
        guard pipe(&ends) == 0 else { return nil }
        let child = fork()
        if child == 0 {
            close(ends[0])
            // Routing notes ("triangulation failed") go nowhere: dot falls back to another route itself.
            _ = agseterrf { _ in 0 }
            _ = agseterr(AGMAX)
            // handoff_graphviz_read, not agmemread: the layout then depends on the source alone, not on the heap.
            guard let context = gvContext(), let read = handoff_graphviz_read(text) else { _exit(1) }
            let graph = UnsafeMutablePointer<Agraph_t>(read)
            guard gvLayout(context, graph, "dot") == 0 else { _exit(1) }
            var data: UnsafeMutablePointer<CChar>?
            var length: UInt32 = 0
            guard gvRenderData(context, graph, "svg", &data, &length) == 0, let data else { _exit(1) }
            var written = 0
            while written < Int(length) {
                let count = write(ends[1], data + written, Int(length) - written)
                if count <= 0 { _exit(1) }
                written += count
            }
            _exit(0)
        }
        close(ends[1])
        guard child > 0 else {
            close(ends[0])
            return nil
        }
        var output: [UInt8] = []
        var buffer = [UInt8](repeating: 0, count: 65536)
        while true {
            let count = buffer.withUnsafeMutableBytes { read(ends[0], $0.baseAddress, $0.count) }
            if count > 0 {
                output += buffer[0..<count]
            } else if count == 0 || errno != EINTR {
                break
            }
        }
        close(ends[0])
        var status: Int32 = 0
        while waitpid(child, &status, 0) < 0 && errno == EINTR {}
        // Exited (not killed by a signal) with status 0.
        guard status & 0x7f == 0, (status >> 8) & 0xff == 0, !output.isEmpty else { return nil }
        return output
    }

    /// Drops the XML prologue and comments (one names the Graphviz version),
    /// and prefixes ids.
    static func clean(_ svg: String, idPrefix: String) -> String {
        guard let start = svg.utf8.firstRange(of: "<svg".utf8) else { return svg }
        var out = ""
        var rest = svg[start.lowerBound...]
        while let comment = rest.utf8.firstRange(of: "<!--".utf8) {
            out += rest[..<comment.lowerBound]
            guard let end = rest[comment.upperBound...].utf8.firstRange(of: "-->".utf8) else { rest = rest[rest.endIndex...]; break }
            rest = rest[end.upperBound...]
        }
        out += rest
        out = out.replacingAll(" id=\"", with: " id=\"\(idPrefix)")
        // Points to pixels, one to one: dot's 12 pt labels read as 12 px text, like the heatmap's.
        if let svgEnd = out.utf8.firstRange(of: ">".utf8) {
            var head = String(out[..<svgEnd.lowerBound])
            for attribute in ["width", "height"] {
                if let value = head.firstMatch(of: Self.pattern(" \(attribute)=\"[0-9.]+pt\""))?.range {
                    let number = head[value].dropFirst(attribute.count + 3).dropLast(3)
                    head.replaceSubrange(value, with: " \(attribute)=\"\(Int((Double(number) ?? 0).rounded(.up)))\"")
                }
            }
            out = head + out[svgEnd.lowerBound...]
        }
        out = stable(out)
        // Blank lines left where comments stood.
        return out.split(separator: "\n", omittingEmptySubsequences: true).joined(separator: "\n") + "\n"
    }

    /// What dot leaves to chance, made stable: it emits clusters in the
    /// order of their internal ids (memory addresses), and numbers the
    /// anchors of HTML-label cells with a counter that runs for the whole
    /// process. Clusters are put in name order (`cluster_1`, `cluster_2`...)
    /// and numbered by it; cell anchors are numbered in order of appearance.
    static func stable(_ svg: String) -> String {
        var out = svg
        let cluster = pattern(#"<g id="([^"]*)clust\d+" class="cluster[^"]*">\n<title>cluster_(\d+)</title>.*?</g>\n</g>\n"#)
            .dotMatchesNewlines()
        let matches = out.matches(of: cluster)
        if let first = matches.first, let last = matches.last {
            let blocks = matches.map { (Int($0.output[2].substring ?? "") ?? 0, String(out[$0.range])) }.sorted { $0.0 < $1.0 }
            var joined = ""
            for (index, block) in blocks.enumerated() {
                joined += block.1.replacing(pattern(#"clust\d+""#), with: "clust\(index + 1)\"")
            }
            out.replaceSubrange(first.range.lowerBound..<last.range.upperBound, with: joined)
        }
        let cell = pattern(#" id="([^"]*_(?:edge|node|clust)\d+)_\d+""#)
        var counter = 0
        var rebuilt = ""
        var cursor = out.startIndex
        for match in out.matches(of: cell) {
            guard let name = match.output[1].substring else { continue }
            counter += 1
            rebuilt += out[cursor..<match.range.lowerBound] + " id=\"\(name)_\(counter)\""
            cursor = match.range.upperBound
        }
        return rebuilt + out[cursor...]
    }

    /// A regular expression of the standard library's engine (Foundation's
    /// NSRegularExpression would link ICU), matching Unicode scalars as
    /// NSRegularExpression does rather than Characters. Drawings are small
    /// and cached, so its speed does not matter here.
    static func pattern(_ source: String) -> Regex<AnyRegexOutput> {
        try! Regex(source).matchingSemantics(.unicodeScalar)
    }

    /// A DOT string literal.
    static func quoted(_ text: String) -> String {
        var out = "\""
        for character in text {
            switch character {
            case "\"": out += "\\\""
            case "\\": out += "\\\\"
            case "\n", "\r": out += " "
            default: out.append(character)
            }
        }
        return out + "\""
    }

    /// Text inside a DOT HTML-like label.
    static func html(_ text: String) -> String {
        var out = ""
        for character in text {
            switch character {
            case "&": out += "&amp;"
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            case "\"": out += "&quot;"
            case "\n", "\r": out += " "
            default: out.append(character)
            }
        }
        return out
    }
}
