import Diagnostics
/// Renders a Markdown body to HTML for the site.
///
/// - Raw HTML is sanitized (`HTMLSanitizer`) or, under `raw_html: drop`, removed.
/// - Link and image destinations pass through `rewrite`; a link to anything
///   but http, https, mailto or a relative reference becomes plain text.
/// - Headings get GitHub-style anchors: `<h2 id="how-we-work">`, via an
///   empty anchor element cmark can emit; ids in `reserved` (the page's own
///   section ids) are not repeated.
public enum MarkdownHTML {
    public static func render(_ markdown: String, reserved: Set<String> = [], rawHTML: RawHTMLPolicy = .sanitize,
                              rewrite: (String) -> String) -> String {
        MarkdownRendering(markdown, reserved: reserved, rawHTML: rawHTML, html: true, rewrite: rewrite).html
    }
}

/// Which link destinations may reach a page: http, https, mailto, and
/// references without a scheme. Browsers ignore ASCII tabs and newlines in a
/// URL and match schemes case-insensitively, so `Java&#9;Script:` (cmark has
/// already decoded entities) is caught too.
public enum URLPolicy {
    public static func isAllowed(_ url: String, schemes: Set<String> = ["http", "https", "mailto"]) -> Bool {
        guard let scheme = scheme(of: url) else { return true }
        return schemes.contains(scheme)
    }

    /// The lowercased scheme of a URL as a browser reads it (the WHATWG URL
    /// parser), or nil for a relative reference: leading spaces and C0
    /// controls are stripped and tabs and newlines ignored anywhere (so
    /// `java\tscript:` is `javascript:`); a scheme starts with an ASCII letter
    /// and holds only letters, digits, `+`, `-` and `.` up to its `:`
    /// (`[https://x]` and `%04https:` are relative).
    public static func scheme(of url: String) -> String? {
        var scheme = ""
        var started = false
        for scalar in url.unicodeScalars {
            if scalar == "\t" || scalar == "\n" || scalar == "\r" { continue }
            if !started, scalar.value <= 0x20 { continue }
            started = true
            if scalar == ":" { return scheme.isEmpty ? nil : scheme.lowercased() }
            let letter = ("a"..."z").contains(scalar) || ("A"..."Z").contains(scalar)
            let other = ("0"..."9").contains(scalar) || scalar == "+" || scalar == "-" || scalar == "."
            guard letter || (!scheme.isEmpty && other) else { return nil }
            scheme.unicodeScalars.append(scalar)
        }
        return nil
    }
}

/// Escaping for HTML text and quoted attribute values.
public enum HTMLText {
    /// `< > & " '` as entities (the five swift-mustache escapes), on bytes,
    /// with a fast path for text that needs none.
    public static func escape(_ text: String) -> String {
        let utf8 = text.utf8
        guard utf8.contains(where: { $0 == 0x3C || $0 == 0x3E || $0 == 0x26 || $0 == 0x22 || $0 == 0x27 }) else { return text }
        var out = [UInt8]()
        out.reserveCapacity(utf8.count + 16)
        for byte in utf8 {
            switch byte {
            case 0x3C: out.append(contentsOf: "&lt;".utf8)
            case 0x3E: out.append(contentsOf: "&gt;".utf8)
            case 0x26: out.append(contentsOf: "&amp;".utf8)
            case 0x22: out.append(contentsOf: "&quot;".utf8)
            case 0x27: out.append(contentsOf: "&#39;".utf8)
            default: out.append(byte)
            }
        }
        return String(decoding: out, as: UTF8.self)
    }

    /// Percent-encodes what may not stand in a URL fragment.
    public static func escapeURLFragment(_ s: String) -> String {
        PercentEncoding.encode(s, keeping: PercentEncoding.fragmentCharacters)
    }
}
