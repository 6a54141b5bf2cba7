import Diagnostics
import HandbookModel

/// The search index, `search-index.js`: one entry per page (its address,
/// title, kind and searchable text) as JSON in a script that assigns it:
/// `window.HANDOFF_SEARCH = JSON.parse('…')`. A `<script src>` loads from
/// `file://` and under any sub-path, where `fetch` of a JSON file is blocked
/// (the pattern of mdBook and rustdoc); `JSON.parse` of one string is faster
/// than a JavaScript literal of the same size. The theme's `search.js` reads it.
///
/// Each page's text is its key fields (a role's purpose, contexts, agents
/// and workflows; a contract's gates and contexts; a stage's question and
/// output...) and the start of its body, `bodyBudget` characters at most, so
/// the index grows by about 0.5 KB a page.
struct SearchIndex {
    static let bodyBudget = 280
    let graph: SiteGraph

    /// Pages in the site's order, as `[address, title, kind, text]`.
    func entries(_ pages: [PageRef]) -> [[String]] {
        let handbook = graph.handbook
        return pages.compactMap { page -> [String]? in
            var fields: [String] = []
            var body: Body?
            let kind: String
            switch page.kind {
            case .index, .list: return nil
            case .stage:
                guard let stage = handbook.stages[page.id] else { return nil }
                kind = "Stage"
                fields = [stage.question, stage.output]
                body = stage.body
            case .role:
                guard let role = handbook.roles[page.id] else { return nil }
                kind = "Role"
                fields = [role.purpose] + role.contextIn.map { graph.contextName($0.context.value) } + role.contextOut.map { graph.contextName($0.context.value) }
                    + role.agents.map(\.name) + role.workflows.map(\.name)
                body = role.body
            case .contract:
                guard let contract = handbook.contracts[page.id] else { return nil }
                kind = "Contract"
                fields = contract.carries.map { graph.contextName($0.value) } + contract.gates.map(\.value)
                body = contract.body
            case .context:
                kind = "Context"
                let doc = handbook.contexts[page.id]
                fields = [doc?.description ?? ""]
                body = doc?.body
            case .page:
                guard let entity = handbook.pages[page.id] else { return nil }
                kind = "Page"
                body = entity.body
            case .object:
                guard let object = handbook.objects[page.id] else { return nil }
                kind = "Object"
                fields = [object.definition]
                body = object.body
            }
            var text = fields.filter { !$0.isEmpty }.joined(separator: " · ")
            if let body {
                let plain = Self.plainText(body.html ?? body.markdown, budget: Self.bodyBudget)
                if !plain.isEmpty { text += text.isEmpty ? plain : " · " + plain }
            }
            return [page.path, graph.title(of: page), kind, text]
        }
    }

    /// One page's entry as JSON, or nil for pages that are not searched (the overview, lists).
    func entryJSON(_ page: PageRef) -> String? {
        entries([page]).first.map { "[" + $0.map(JSONString.quote).joined(separator: ",") + "]" }
    }

    /// The script's bytes.
    func script(_ pages: [PageRef]) -> [UInt8] {
        Self.script(pages.compactMap(entryJSON))
    }

    /// The script for entries made by `entryJSON`, in order.
    static func script(_ entries: [String]) -> [UInt8] {
        let json = "[" + entries.joined(separator: ",") + "]"
        return Array(("window.HANDOFF_SEARCH = JSON.parse('" + singleQuoted(json) + "');\n").utf8)
    }

    /// `text` inside a single-quoted JavaScript string.
    static func singleQuoted(_ text: String) -> String {
        var out = ""
        out.reserveCapacity(text.utf8.count + 16)
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\\": out += "\\\\"
            case "'": out += "\\'"
            case "\n": out += "\\n"
            case "\r": out += "\\r"
            case "\u{2028}": out += "\\u2028"
            case "\u{2029}": out += "\\u2029"
            default: out.unicodeScalars.append(scalar)
            }
        }
        return out
    }

    /// HTML (or Markdown) as plain words: tags dropped, entities of the
    /// common five decoded, whitespace collapsed, cut at a word near `budget`.
    static func plainText(_ html: String, budget: Int) -> String {
        var out = ""
        var count = 0
        var inTag = false
        var space = false
        var entity: String?
        for character in html {
            if count >= budget { break }
            if inTag {
                if character == ">" { inTag = false; space = true }
                continue
            }
            if var pending = entity {
                pending.append(character)
                if character == ";" || pending.count > 8 {
                    let decoded = ["&amp;": "&", "&lt;": "<", "&gt;": ">", "&quot;": "\"", "&#39;": "'"][pending] ?? " "
                    if space && !out.isEmpty { out += " "; count += 1 }
                    space = false
                    out += decoded
                    count += 1
                    entity = nil
                } else {
                    entity = pending
                }
                continue
            }
            switch character {
            case "<": inTag = true
            case "&": entity = "&"
            case " ", "\n", "\t", "\r": space = true
            case "#", "*", "|", "`", ">": space = true
            default:
                if space && !out.isEmpty { out += " "; count += 1 }
                space = false
                out.append(character)
                count += 1
            }
        }
        if count >= budget, let cut = out.lastIndex(of: " ") {
            return String(out[..<cut]) + " …"
        }
        return out
    }
}
