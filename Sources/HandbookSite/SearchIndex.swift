import Diagnostics
import HandbookModel

/// The search index: `search-index.js`, one entry per page (its address,
/// title, kind and key fields: a role's purpose, contexts, agents and
/// workflows; a contract's gates...), and the full text of every page in
/// shards of `shardSize` pages (`search/text-<n>.js`). Scripts that assign
/// or hand over their data (`window.HANDOFF_SEARCH = ...`,
/// `HANDOFF_SEARCH_TEXT(n, ...)`) load from `file://` and under any
/// sub-path, where `fetch` of a JSON file is blocked (mdBook's and
/// rustdoc's way); `JSON.parse` of one string is faster than a literal of
/// the same size. The theme's `search.js` loads them only when the search
/// box is first used, so a page carries none of it.
struct SearchIndex {
    /// Pages per text shard.
    static let shardSize = 200
    /// A page's text is cut at this many bytes (a page of 100 KB of prose is a book).
    static let textBudget = 100_000
    let graph: SiteGraph

    /// A page's two parts, each a JSON value as it stands in the script:
    /// `[address, title, kind, fields]` and its body's text.
    struct Piece: Sendable, Equatable {
        var entry: [UInt8]
        var text: [UInt8]
    }

    /// A page as `[address, title, kind, fields]` and its body, or nil for
    /// pages that are not searched (the overview, lists).
    func fields(of page: PageRef) -> (entry: [String], body: Body?)? {
        let handbook = graph.handbook
        var fields: [String] = []
        var body: Body?
        let kind: String
        switch page.kind {
        case .index, .list, .folder: return nil
        case .entity(.stages):
            guard let stage = handbook.stages[page.id] else { return nil }
            kind = "Stage"
            fields = [stage.question, stage.output]
            body = stage.body
        case .entity(.roles):
            guard let role = handbook.roles[page.id] else { return nil }
            kind = "Role"
            fields = [role.purpose] + role.contextIn.map { graph.contextName($0.context.value) } + role.contextOut.map { graph.contextName($0.context.value) }
                + role.agents.map(\.name) + role.workflows.map(\.name)
            body = role.body
        case .entity(.contracts):
            guard let contract = handbook.contracts[page.id] else { return nil }
            kind = "Contract"
            fields = contract.carries.map { graph.contextName($0.value) } + contract.gates.map(\.value)
            body = contract.body
        case .entity(.contexts):
            kind = "Context"
            let doc = handbook.contexts[page.id]
            fields = [doc?.description ?? ""]
            body = doc?.body
        case .entity(.pages):
            guard let entity = handbook.pages[page.id] else { return nil }
            kind = "Page"
            fields = [entity.description ?? ""]
            body = entity.body
        case .entity(.objects):
            guard let object = handbook.objects[page.id] else { return nil }
            kind = "Object"
            fields = [object.definition]
            body = object.body
        }
        return ([page.path, graph.title(of: page), kind, fields.filter { !$0.isEmpty }.joined(separator: " · ")], body)
    }

    /// One page's piece, or nil for pages that are not searched.
    func piece(_ page: PageRef) -> Piece? {
        guard let found = fields(of: page) else { return nil }
        var entry: [UInt8] = [UInt8(ascii: "[")]
        for (index, field) in found.entry.enumerated() {
            if index > 0 { entry.append(UInt8(ascii: ",")) }
            Self.appendQuoted(field, to: &entry)
        }
        entry.append(UInt8(ascii: "]"))
        var text: [UInt8] = []
        let plain = found.body.map { Self.plainText($0.html ?? $0.markdown, budget: Self.textBudget) } ?? ""
        Self.appendQuoted(plain, to: &text)
        return Piece(entry: entry, text: text)
    }

    /// The index and its shards, for the pages in order.
    func files(_ pages: [PageRef]) -> [(path: String, bytes: [UInt8])] {
        Self.files(pages.concurrentMap { piece($0) }.compactMap { $0 })
    }

    /// The index and its shards, for pieces made by `piece` (in page order).
    static func files(_ pieces: [Piece]) -> [(path: String, bytes: [UInt8])] {
        let shards = (pieces.count + shardSize - 1) / shardSize
        var index = Array("window.HANDOFF_SEARCH = {shards: \(shards), size: \(shardSize), docs: JSON.parse('[".utf8)
        index.reserveCapacity(pieces.reduce(96) { $0 + $1.entry.count + 1 })
        for (position, piece) in pieces.enumerated() {
            if position > 0 { index.append(UInt8(ascii: ",")) }
            index += piece.entry
        }
        index += Array("]')};\n".utf8)
        var files: [(path: String, bytes: [UInt8])] = [(SiteLayout.searchIndex, index)]
        for shard in 0..<shards {
            var out = Array("HANDOFF_SEARCH_TEXT(\(shard), JSON.parse('[".utf8)
            let slice = pieces[(shard * shardSize)..<min(pieces.count, (shard + 1) * shardSize)]
            out.reserveCapacity(slice.reduce(64) { $0 + $1.text.count + 1 })
            for (position, piece) in slice.enumerated() {
                if position > 0 { out.append(UInt8(ascii: ",")) }
                out += piece.text
            }
            out += Array("]'));\n".utf8)
            files.append((SiteLayout.searchShard(shard), out))
        }
        return files
    }

    /// `text` as a JSON string, written inside a single-quoted JavaScript
    /// string: JSON's escapes get their backslash doubled, `'` and the two
    /// characters JavaScript ends lines at (U+2028, U+2029) are escaped.
    static func appendQuoted(_ text: String, to out: inout [UInt8]) {
        let hex = Array("0123456789abcdef".utf8)
        out.append(UInt8(ascii: "\""))
        var bytes = text.utf8.makeIterator()
        var pending: [UInt8] = []
        while let byte = pending.isEmpty ? bytes.next() : pending.removeFirst() {
            switch byte {
            case UInt8(ascii: "\""): out += [92, 92, 34]               // \\"
            case UInt8(ascii: "\\"): out += [92, 92, 92, 92]         // \\\\
            case UInt8(ascii: "'"): out += [92, 39]                    // \'
            case 0..<0x20: out += [92, 92, 117, 48, 48, hex[Int(byte >> 4)], hex[Int(byte & 15)]] // \\u00XX
            case 0xE2:
                // U+2028 and U+2029 are E2 80 A8 and E2 80 A9.
                let second = bytes.next(), third = second == 0x80 ? bytes.next() : nil
                if second == 0x80, let third, third == 0xA8 || third == 0xA9 {
                    out += Array("\\u202".utf8) + [third == 0xA8 ? UInt8(ascii: "8") : UInt8(ascii: "9")]
                } else {
                    out.append(byte)
                    pending = [second, third].compactMap { $0 }
                }
            default: out.append(byte)
            }
        }
        out.append(UInt8(ascii: "\""))
    }

    /// HTML (or Markdown) as plain words: tags dropped, entities of the
    /// common five decoded, whitespace collapsed, cut at a space near
    /// `budget` bytes.
    static func plainText(_ html: String, budget: Int) -> String {
        var out: [UInt8] = []
        out.reserveCapacity(budget + 8)
        var inTag = false
        var space = false
        var entity: [UInt8] = []
        let entities: [[UInt8]: UInt8] = [Array("&amp;".utf8): 38, Array("&lt;".utf8): 60, Array("&gt;".utf8): 62,
                                          Array("&quot;".utf8): 34, Array("&#39;".utf8): 39]
        func emit(_ byte: UInt8) {
            if space && !out.isEmpty { out.append(32) }
            space = false
            out.append(byte)
        }
        for byte in html.utf8 {
            if out.count >= budget && byte < 0x80 { break }
            if inTag {
                if byte == UInt8(ascii: ">") { inTag = false; space = true }
                continue
            }
            if !entity.isEmpty {
                entity.append(byte)
                if byte == UInt8(ascii: ";") || entity.count > 8 {
                    if let decoded = entities[entity] { emit(decoded) } else { space = true }
                    entity = []
                }
                continue
            }
            switch byte {
            case UInt8(ascii: "<"): inTag = true
            case UInt8(ascii: "&"): entity = [byte]
            case 32, 10, 9, 13, UInt8(ascii: "#"), UInt8(ascii: "*"), UInt8(ascii: "|"), UInt8(ascii: "`"), UInt8(ascii: ">"): space = true
            default: emit(byte)
            }
        }
        var text = String(decoding: out, as: UTF8.self)
        if out.count >= budget, let cut = text.lastIndex(of: " ") {
            text = String(text[..<cut]) + " …"
        }
        return text
    }
}
