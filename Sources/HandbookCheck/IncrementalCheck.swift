import Diagnostics
import HandbookModel

/// The rules' diagnostics kept between checks of one handbook as it is
/// edited (the live preview). After an edit of some content files in place
/// (a `ChangeSet` of paths), a rule reruns only when it reads a kind of file
/// that changed (`HandbookRule.reads`); the others' diagnostics stand.
/// broken-link reruns only for the edited files and the files that link to
/// them (their anchors may have changed), keeping the rest. Anything else
/// (`.unknown`, handbook.yaml, a file added or removed, a page turned draft,
/// the set of contexts changed) checks everything again.
///
/// `IncrementalCheckTests` compares the result with a full check after
/// hundreds of random edits.
public final class IncrementalCheck: @unchecked Sendable {
    struct State {
        var byRule: [RuleID: [Diagnostic]]
        /// Content file → the documents whose links point at it (or at its folder).
        var linkers: [String: Set<String>]
        /// Document → what its links point at (the keys of `linkers`).
        var targets: [String: Set<String>]
        var drafts: Set<String>
        var contexts: Set<String>
        var files: Set<String>
    }

    private var state: State?
    private let lock = MutexLock()

    /// What the last check did, for the phase trace and tests.
    public private(set) var lastRun: (rules: Int, reused: Int, linkDocuments: Int?) = (0, 0, nil)

    public init() {}

    /// The rules' diagnostics (default severities, unsorted), as
    /// `HandbookChecker.check` gives them.
    public func check(_ handbook: Handbook, changed: ChangeSet) -> [Diagnostic] {
        lock.lock()
        defer { lock.unlock() }
        let index = Trace.measure("index") { HandbookIndex(handbook) }
        let rules = HandbookChecker.rules
        let drafts = handbook.drafts
        let contexts = handbook.referencedContexts
        let files = Set(handbook.contentFiles.keys)
        var kinds = Set<EntityKind>()
        var known = false
        if let paths = changed.paths, let previous = state, previous.files == files, previous.drafts == drafts {
            known = true
            for path in paths {
                guard let first = path.split(separator: "/").first, let kind = EntityKind(rawValue: String(first)), files.contains(path) else {
                    known = false
                    break
                }
                kinds.insert(kind)
            }
        }
        guard known, let previous = state, let paths = changed.paths else {
            let byRule = Trace.measure("rules") {
                Dictionary(uniqueKeysWithValues: rules.concurrentMap { rule in (rule.id, Trace.measure(rule.id.rawValue) { rule.check(index) }) })
            }
            var targets: [String: Set<String>] = [:]
            for (_, _, file, body) in handbook.bodies { targets[file] = Self.targets(of: body, in: file) }
            state = State(byRule: byRule, linkers: Self.invert(targets), targets: targets, drafts: drafts, contexts: contexts, files: files)
            lastRun = (rules.count, 0, nil)
            return rules.flatMap { byRule[$0.id]! }
        }
        // The edited documents' links now.
        var linkers = previous.linkers, targets = previous.targets
        for path in paths {
            for target in targets[path] ?? [] { linkers[target]?.remove(path) }
            let now = handbook.body(ofFile: path).map { Self.targets(of: $0.body, in: path) } ?? []
            targets[path] = now
            for target in now { linkers[target, default: []].insert(path) }
        }
        // Links into an edited file, before and after the edit, may have lost or found their anchor.
        var focus = paths
        for path in paths {
            for target in Self.linkKeys(of: path) {
                focus.formUnion(previous.linkers[target] ?? [])
                focus.formUnion(linkers[target] ?? [])
            }
        }
        let linked = focus
        let contextsChanged = previous.contexts != contexts
        let rerun = rules.filter { !$0.reads.isDisjoint(with: kinds) }
        let fresh = Trace.measure("rules (\(rerun.count) of \(rules.count))") {
            rerun.concurrentMap { rule -> (RuleID, [Diagnostic]) in
                Trace.measure(rule.id.rawValue) {
                    guard let links = rule as? BrokenLinkRule, !contextsChanged else { return (rule.id, rule.check(index)) }
                    let kept = previous.byRule[rule.id]!.filter { !linked.contains($0.location.file) }
                    return (rule.id, kept + links.check(index, only: linked))
                }
            }
        }
        var byRule = previous.byRule
        for (id, diagnostics) in fresh { byRule[id] = diagnostics }
        state = State(byRule: byRule, linkers: linkers, targets: targets, drafts: drafts, contexts: contexts, files: files)
        lastRun = (rerun.count, rules.count - rerun.count, contextsChanged ? nil : focus.count)
        return rules.flatMap { byRule[$0.id]! }
    }

    /// The keys a link to `path` is filed under: the file, and for a
    /// folder's own page (`pages/ops/README.md`) its folder.
    static func linkKeys(of path: String) -> [String] {
        let (folder, name) = PagePath.split(path)
        return PagePath.isIndex(name) ? [path, folder] : [path]
    }

    /// What a document's links point at (resolved, content-relative, without
    /// a trailing slash); a fragment-only link points at its own file.
    static func targets(of body: Body, in file: String) -> Set<String> {
        var out = Set<String>()
        for link in body.links {
            guard let target = link.target else { continue }
            if target.path.isEmpty {
                out.insert(file)
            } else if var resolved = link.resolved {
                while resolved.hasSuffix("/") { resolved.removeLast() }
                out.insert(resolved)
            }
        }
        return out
    }

    /// Target → the documents linking to it.
    static func invert(_ targets: [String: Set<String>]) -> [String: Set<String>] {
        var out: [String: Set<String>] = [:]
        for (file, pointed) in targets {
            for target in pointed { out[target, default: []].insert(file) }
        }
        return out
    }
}
