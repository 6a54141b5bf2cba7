import Diagnostics
import HandbookModel

/// broken-link: a relative link in a body to a content file that does not
/// exist, or to a `#anchor` that the target (or this file) does not have.
/// Links with a scheme, absolute paths and links to non-`.md` files are not
/// content links and are left alone.
struct BrokenLinkRule: HandbookRule {
    let id = RuleID.brokenLink

    func check(_ index: HandbookIndex) -> [Diagnostic] {
        let handbook = index.handbook
        let documents = handbook.bodies.map { ContentDocument(kind: $0.kind, id: $0.id, body: $0.body) }
        let byPath = Dictionary(uniqueKeysWithValues: documents.map { ($0.relativePath, $0) })
        // A document's anchors as a set, built when a link first needs them.
        var anchorSets: [String: Set<String>] = [:]
        let anchors = { (path: String) -> Set<String>? in
            if let known = anchorSets[path] { return known }
            guard let document = byPath[path] else { return nil }
            let set = Set(document.anchors)
            anchorSets[path] = set
            return set
        }
        var out: [Diagnostic] = []
        for document in documents where !document.body.links.isEmpty {
            for link in document.body.links {
                if let problem = problem(with: link.destination, from: document, anchors: anchors, handbook) {
                    out.append(diagnostic(problem.message, at: link.location, notes: problem.notes))
                }
            }
        }
        return out
    }

    func problem(with destination: String, from document: ContentDocument, anchors: (String) -> Set<String>?,
                 _ handbook: Handbook) -> (message: String, notes: [Diagnostic.Note])? {
        guard let target = ContentLink(destination) else { return nil }
        let quoted = "'\(destination)'"
        if target.path.isEmpty {
            guard let fragment = target.fragment, anchors(document.relativePath)?.contains(fragment) == false else { return nil }
            return ("link \(quoted) names no heading in this file", anchorNotes(fragment, document.anchors))
        }
        guard let relative = ContentLink.resolve(target.path, from: document.relativePath) else {
            return ("link \(quoted) leaves the handbook folder", [])
        }
        guard handbook.contentFiles[relative] != nil else {
            var notes: [Diagnostic.Note] = []
            // Compare ids within the same folder, not whole paths.
            let (folder, name) = Self.split(relative)
            let siblings = handbook.contentFiles.keys.map(Self.split).filter { $0.folder == folder }.map(\.name)
            if name.hasSuffix(".md"), let close = Suggestion.closest(to: String(name.dropLast(3)), among: siblings.map { String($0.dropLast(3)) }.sorted()) {
                notes.append(.init("did you mean '\(folder.isEmpty ? "" : folder + "/")\(close).md'?"))
            }
            return ("link \(quoted) names no content file: '\(relative)' does not exist", notes)
        }
        guard let fragment = target.fragment else { return nil }
        guard let targetAnchors = anchors(relative) else { return nil } // unreadable: reported already
        if targetAnchors.contains(fragment) { return nil }
        return ("link \(quoted) names no heading in '\(relative)'", anchorNotes(fragment, targetAnchors.sorted()))
    }

    static func split(_ path: String) -> (folder: String, name: String) {
        guard let slash = path.lastIndex(of: "/") else { return ("", path) }
        return (String(path[..<slash]), String(path[path.index(after: slash)...]))
    }

    func anchorNotes(_ fragment: String, _ anchors: [String]) -> [Diagnostic.Note] {
        guard let close = Suggestion.closest(to: fragment, among: anchors) else { return [] }
        return [.init("did you mean '#\(close)'?")]
    }
}

/// A body's owner, for link resolution: its content-relative path and the
/// anchors its page will have.
struct ContentDocument {
    let relativePath: String
    let body: Body

    let kind: EntityKind

    init(kind: EntityKind, id: String, body: Body) {
        relativePath = "\(kind.rawValue)/\(id).md"
        self.body = body
        self.kind = kind
    }

    var anchors: [String] { body.anchors + kind.sectionAnchors }
}
