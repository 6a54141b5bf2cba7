/// Finds `<script` or an event-handler attribute in markup, outside quoted
/// attribute values and outside text, or a `href`/`src` with a scheme other
/// than http, https or mailto.
public enum HTMLAudit {
    /// The theme's own scripts (search), in the layout's <head>: the only
    /// <script> elements a page may have.
    public static let themeScripts: [String] = ["", "../"].flatMap { root in
        ["search-index.js", "search.js", "reading.js"].map { "<script src=\"\(root)\($0)\" defer></script>" }
    } + [notFoundBase]

    /// The 404 page's <base> for hosts that show it at any depth, worked out
    /// in the browser when `url` is not set (the built-in layout's, verbatim):
    /// the folder before a kind's folder in the address; else the nearest
    /// folder on the way up that holds the site's favicon.svg (asked for with
    /// HEAD, synchronously, so the stylesheet after it resolves against it);
    /// from disk, the page's own folder.
    public static let notFoundBase = "<script>(function () { var p = location.pathname, m = p.match(/^(.*?\\/)(?:stages|roles|contracts|contexts|objects|pages)\\//), r = m ? m[1] : \"\", d = p.replace(/[^\\/]*$/, \"\"); if (!r && location.protocol === \"file:\") r = d; while (!r && d.length > 1) { try { var x = new XMLHttpRequest(); x.open(\"HEAD\", d + \"favicon.svg\", false); x.send(); if (x.status === 200) r = d; } catch (e) { r = d; } d = d.replace(/[^\\/]*\\/$/, \"\"); } var b = document.createElement(\"base\"); b.href = r || \"/\"; document.head.appendChild(b); })();</script>"

    public static func problem(in page: String) -> String? {
        var html = page
        // Only the head's copies are allowed: the same tag in the body (from content) is still a problem.
        let parts = html.split(separator: "</head>", maxSplits: 1, omittingEmptySubsequences: false)
        if parts.count == 2 {
            var head = String(parts[0])
            for script in themeScripts { head = head.split(separator: script, omittingEmptySubsequences: false).joined() }
            html = head + "</head>" + parts[1]
        }
        if let problem = markupProblem(in: html) { return problem }
        let bytes = Array(html.utf8)
        for attribute in [Array("href=\"".utf8), Array("src=\"".utf8)] {
            var i = 0
            while i + attribute.count <= bytes.count {
                guard bytes[i] == attribute[0], bytes[i..<(i + attribute.count)].elementsEqual(attribute) else {
                    i += 1
                    continue
                }
                var end = i + attribute.count
                while end < bytes.count && bytes[end] != UInt8(ascii: "\"") { end += 1 }
                // The value as a browser reads it: `&#58;` and `&colon;` are colons.
                let value = String(decoding: bytes[(i + attribute.count)..<end], as: UTF8.self)
                let decoded = value.split(separator: "&#58;", omittingEmptySubsequences: false).joined(separator: ":")
                    .split(separator: "&colon;", omittingEmptySubsequences: false).joined(separator: ":")
                if let scheme = URLPolicy.scheme(of: decoded), !["http", "https", "mailto"].contains(scheme) { return "a \(scheme): URL" }
                i = end
            }
        }
        return nil
    }

    static func markupProblem(in html: String) -> String? {
        let bytes = Array(html.utf8)
        var i = 0
        var inTag = false
        var quote: UInt8 = 0
        func lower(_ b: UInt8) -> UInt8 { b >= 65 && b <= 90 ? b + 32 : b }
        while i < bytes.count {
            let b = bytes[i]
            if !inTag {
                if b == UInt8(ascii: "<") {
                    inTag = true
                    let name = bytes[(i + 1)..<min(i + 8, bytes.count)].map(lower)
                    if name.starts(with: Array("script".utf8)) { return "<script" }
                }
            } else if quote != 0 {
                if b == quote { quote = 0 }
            } else if b == UInt8(ascii: "\"") || b == UInt8(ascii: "'") {
                quote = b
            } else if b == UInt8(ascii: ">") {
                inTag = false
            } else if (b == 0x20 || b == 0x0A || b == 0x09 || b == UInt8(ascii: "/")), i + 3 < bytes.count,
                      lower(bytes[i + 1]) == UInt8(ascii: "o"), lower(bytes[i + 2]) == UInt8(ascii: "n") {
                var j = i + 3
                while j < bytes.count, (lower(bytes[j]) >= 97 && lower(bytes[j]) <= 122) { j += 1 }
                while j < bytes.count, bytes[j] == 0x20 { j += 1 }
                if j > i + 3, j < bytes.count, bytes[j] == UInt8(ascii: "=") { return "an on…= attribute" }
            }
            i += 1
        }
        return nil
    }
}
