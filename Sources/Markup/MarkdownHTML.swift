import CCmarkGFM
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Renders a Markdown body to HTML for the site.
///
/// - Raw HTML in the body is removed (not passed through).
/// - Link and image destinations pass through `rewrite`; a link to anything
///   but http, https, mailto or a relative reference becomes plain text.
/// - Headings get GitHub-style anchors: `<h2 id="how-we-work">`, via an
///   empty anchor element cmark can emit; ids in `reserved` (the page's own
///   section ids) are not repeated.
public enum MarkdownHTML {
    public static func render(_ markdown: String, reserved: Set<String> = [], rewrite: (String) -> String) -> String {
        let document = CmarkDocument(markdown, sourcePositions: false)
        var rawHTML: [OpaquePointer] = []
        var headings: [OpaquePointer] = []
        var dropped: [OpaquePointer] = []
        document.forEachNode { node in
            switch cmark_node_get_type(node) {
            case CMARK_NODE_HTML_BLOCK, CMARK_NODE_HTML_INLINE:
                rawHTML.append(node)
            case CMARK_NODE_LINK, CMARK_NODE_IMAGE:
                let url = cmark_node_get_url(node).map { String(cString: $0) } ?? ""
                if URLPolicy.isAllowed(url) {
                    let target = rewrite(url)
                    if target != url { cmark_node_set_url(node, target) }
                } else {
                    dropped.append(node)
                }
            case CMARK_NODE_HEADING:
                headings.append(node)
            default:
                break
            }
        }
        for node in rawHTML {
            cmark_node_unlink(node)
            cmark_node_free(node)
        }
        // A link or image with a refused destination becomes its text.
        for node in dropped {
            while let child = cmark_node_first_child(node) {
                cmark_node_unlink(child)
                cmark_node_insert_before(node, child)
            }
            cmark_node_unlink(node)
            cmark_node_free(node)
        }
        var anchors = AnchorSet()
        for heading in headings {
            let anchor = anchors.claim(Anchor.slug(CmarkDocument.plainText(of: heading)))
            guard !anchor.isEmpty, !reserved.contains(anchor), let marker = cmark_node_new(CMARK_NODE_HTML_INLINE) else { continue }
            // Our own markup, built from a slug (letters, digits, -, _ only after escaping).
            cmark_node_set_literal(marker, "<a class=\"anchor\" id=\"\(HTMLText.escape(anchor))\" href=\"#\(HTMLText.escapeURLFragment(anchor))\" aria-hidden=\"true\"></a>")
            cmark_node_prepend_child(heading, marker)
        }
        let options = CMARK_OPT_UNSAFE // user raw HTML is gone and URLs are filtered above
        guard let html = cmark_render_html(document.root, options, document.extensions) else { return "" }
        defer { free(html) }
        return String(cString: html)
    }
}

/// Which link destinations may reach a page: http, https, mailto, and
/// references without a scheme. Browsers ignore ASCII tabs and newlines in a
/// URL and match schemes case-insensitively, so `Java&#9;Script:` (cmark has
/// already decoded entities) is caught too.
public enum URLPolicy {
    public static func isAllowed(_ url: String) -> Bool {
        var scheme = ""
        for scalar in url.unicodeScalars {
            if scalar.value <= 0x20 || scalar.value == 0x7F { continue } // stripped by browsers
            if scalar == ":" {
                return ["http", "https", "mailto"].contains(scheme.lowercased())
            }
            if scalar == "/" || scalar == "?" || scalar == "#" { return true }
            scheme.unicodeScalars.append(scalar)
        }
        return true
    }
}

/// Escaping for HTML text and quoted attribute values.
public enum HTMLText {
    public static func escape(_ s: String) -> String {
        var out = ""
        out.reserveCapacity(s.utf8.count)
        for scalar in s.unicodeScalars {
            switch scalar {
            case "&": out += "&amp;"
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            case "\"": out += "&quot;"
            case "'": out += "&#39;"
            default: out.unicodeScalars.append(scalar)
            }
        }
        return out
    }

    /// Percent-encodes what may not stand in a URL fragment.
    public static func escapeURLFragment(_ s: String) -> String {
        var out = ""
        for byte in s.utf8 {
            let c = Unicode.Scalar(byte)
            if (byte < 0x80 && (c.properties.isAlphabetic || ("0"..."9").contains(c))) || c == "-" || c == "_" || c == "." {
                out.unicodeScalars.append(c)
            } else {
                out += "%" + (byte < 16 ? "0" : "") + String(byte, radix: 16, uppercase: true)
            }
        }
        return out
    }
}
