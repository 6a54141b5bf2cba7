import Foundation
import Markup
import Testing

/// The hostile corpus, `Tests/Corpus/<case>/case.json`: each case starts from
/// `_base/content`, adds its files, generated inputs and symlinks, runs the
/// built binary, and checks the exit status, the diagnostics, that nothing
/// outside the output folder changed, and that the output carries no script.
@Suite(.tags(.corpus)) struct CorpusTests {
    struct Case: Decodable {
        struct Generate: Decodable { var path: String; var shape: String; var n: Int }
        var description: String
        var exit: Int32
        var command: [String]?
        var generate: [Generate]?
        var symlinks: [String: String]?
        var setup: String?
        var stdout_contains: [String]
        var stderr_contains: [String]?
        var output: String
        var family: String?
        var size: Int?
    }

    static let root = Paths.packageRoot.appendingPathComponent("Tests/Corpus")
    static var names: [String] { Paths.subfolders(of: root).filter { !$0.hasPrefix("_") } }

    static func load(_ name: String) throws -> Case {
        try JSONDecoder().decode(Case.self, from: Data(contentsOf: root.appendingPathComponent("\(name)/case.json")))
    }

    @Test func theCorpusHasAtLeast25Cases() {
        #expect(Self.names.count >= 25)
    }

    @Test(arguments: names)
    func hostileCase(name: String) throws {
        let spec = try Self.load(name)
        let scratch = try Scratch()
        let fm = FileManager.default
        _ = try scratch.copy(Self.root.appendingPathComponent("_base/content"), as: "content")
        if spec.setup == "prebuilt" {
            #expect(try Run(["build", "--content", "content", "--output", "public"], in: scratch.url).status == 0)
        }
        try Self.overlay(Self.root.appendingPathComponent(name), onto: scratch.url)
        for generate in spec.generate ?? [] { try Self.generate(generate, in: scratch.url) }
        for (link, target) in (spec.symlinks ?? [:]).sorted(by: { $0.key < $1.key }) {
            try fm.createDirectory(at: scratch.url.appendingPathComponent(link).deletingLastPathComponent(), withIntermediateDirectories: true)
            try fm.createSymbolicLink(atPath: scratch.path(link), withDestinationPath: target)
        }
        try Self.setUp(spec.setup, in: scratch)

        let before = Self.snapshot(scratch.url, excluding: "public")
        let publicBefore = SiteTree(scratch.url.appendingPathComponent("public"))
        let run = try Run(spec.command ?? ["build", "--content", "content", "--output", "public"], in: scratch.url)

        #expect(run.status == spec.exit, "\(name): \(run.stdout.prefix(2000))\(run.stderr)")
        for needle in spec.stdout_contains { #expect(run.stdout.contains(needle), "\(name): stdout lacks \(needle)\n\(run.stdout.prefix(3000))") }
        for needle in spec.stderr_contains ?? [] { #expect(run.stderr.contains(needle), "\(name): stderr lacks \(needle)\n\(run.stderr)") }
        // Nothing outside the output folder changed, and no build leftovers remain.
        #expect(Self.snapshot(scratch.url, excluding: "public") == before, "\(name): files outside the output changed")
        let leftovers = try fm.contentsOfDirectory(atPath: scratch.url.path).filter { $0.contains(".handoff-tmp-") || $0.contains(".handoff-old-") }
        #expect(leftovers.isEmpty, "\(name): \(leftovers)")

        let site = SiteTree(scratch.url.appendingPathComponent("public"))
        switch spec.output {
        case "absent": #expect(site.files.isEmpty, "\(name): an output was written")
        case "unchanged", "victim-unchanged": #expect(site == publicBefore, "\(name): the output changed")
        default:
            #expect(site.files["index.html"] != nil, "\(name): no site")
            // Assets (files of content/) are published byte for byte and never
            // inlined; every page the site builds is audited. A .md file in the
            // site is a page's Markdown twin, never the content file itself.
            let content = scratch.url.appendingPathComponent("content")
            let assets = site.files.keys.filter { !$0.hasSuffix(".md") && fm.fileExists(atPath: content.appendingPathComponent($0).path) }
            for asset in assets {
                #expect(site.files[asset] == Array(fm.contents(atPath: content.appendingPathComponent(asset).path) ?? Data()), "\(name): \(asset) differs")
            }
            for page in site.pages where !assets.contains(page) {
                let html = site.text(page)
                #expect(HTMLAudit.problem(in: html) == nil, "\(name): \(page): \(HTMLAudit.problem(in: html) ?? "")")
                let lower = html.lowercased()
                for scheme in ["href=\"javascript", "href=\"vbscript", "href=\"data:", "src=\"javascript", "src=\"data:"] {
                    #expect(!lower.contains(scheme), "\(name): \(page) has \(scheme)")
                }
            }
        }
    }

    /// Runaway growth fails; measured as time per byte of input at 1k
    /// against 100k repetitions, not against a wall clock: the larger input
    /// may cost at most 3× the smaller per byte (a quadratic shape costs ~100×).
    @Test func noShapeGrowsFasterThanItsInput() throws {
        let families = Dictionary(grouping: try Self.names.map { ($0, try Self.load($0)) }.filter { $0.1.family != nil }) { $0.1.family! }
        for (family, cases) in families.sorted(by: { $0.key < $1.key }) {
            let sorted = cases.sorted { $0.1.size! < $1.1.size! }
            guard let small = sorted.first, let large = sorted.last, small.1.size! < large.1.size! else { continue }
            func cost(_ item: (String, Case)) throws -> Double {
                let scratch = try Scratch()
                _ = try scratch.copy(Self.root.appendingPathComponent("_base/content"), as: "content")
                for generate in item.1.generate ?? [] { try Self.generate(generate, in: scratch.url) }
                let start = Date()
                _ = try Run(["check", "--content", "content"], in: scratch.url)
                return Date().timeIntervalSince(start)
            }
            let tSmall = max(try cost(small), 0.02), tLarge = try cost(large)
            let ratio = Double(large.1.size!) / Double(small.1.size!)
            #expect(tLarge <= tSmall * ratio * 3, "\(family): \(tSmall)s at \(small.1.size!), \(tLarge)s at \(large.1.size!)")
        }
    }

    static func overlay(_ source: URL, onto target: URL) throws {
        let fm = FileManager.default
        for folder in ["content", "templates"] {
            let base = source.appendingPathComponent(folder)
            guard let enumerator = fm.enumerator(atPath: base.path) else { continue }
            while let relative = enumerator.nextObject() as? String {
                var isDirectory: ObjCBool = false
                fm.fileExists(atPath: base.path + "/" + relative, isDirectory: &isDirectory)
                let destination = target.appendingPathComponent(folder + "/" + relative)
                if isDirectory.boolValue {
                    try fm.createDirectory(at: destination, withIntermediateDirectories: true)
                } else {
                    try fm.createDirectory(at: destination.deletingLastPathComponent(), withIntermediateDirectories: true)
                    try? fm.removeItem(at: destination)
                    try fm.copyItem(atPath: base.path + "/" + relative, toPath: destination.path)
                }
            }
        }
    }

    static func setUp(_ setup: String?, in scratch: Scratch) throws {
        let fm = FileManager.default
        switch setup {
        case "replace-roles-with-symlink":
            try fm.removeItem(atPath: scratch.path("content/roles"))
            try fm.createSymbolicLink(atPath: scratch.path("content/roles"), withDestinationPath: "/etc")
        case "handbook-yaml-symlink":
            try fm.removeItem(atPath: scratch.path("content/handbook.yaml"))
            try fm.createSymbolicLink(atPath: scratch.path("content/handbook.yaml"), withDestinationPath: "/etc/hostname")
        case "output-symlink":
            try fm.createDirectory(atPath: scratch.path("victim"), withIntermediateDirectories: true)
            try "keep me".write(toFile: scratch.path("victim/keep.txt"), atomically: true, encoding: .utf8)
            try fm.createSymbolicLink(atPath: scratch.path("public"), withDestinationPath: "victim")
        case "output-not-ours":
            try fm.createDirectory(atPath: scratch.path("public"), withIntermediateDirectories: true)
            try "my notes".write(toFile: scratch.path("public/notes.txt"), atomically: true, encoding: .utf8)
        case "leftovers":
            for folder in [".public.handoff-tmp-99999", ".public.handoff-old-12345"] {
                try fm.createDirectory(atPath: scratch.path(folder + "/roles"), withIntermediateDirectories: true)
                try "half".write(toFile: scratch.path(folder + "/roles/pm.html"), atomically: true, encoding: .utf8)
            }
        default:
            break
        }
    }

    /// Every file under `root` (symlinks as their target text), except one folder.
    static func snapshot(_ root: URL, excluding: String) -> [String: String] {
        var out: [String: String] = [:]
        let fm = FileManager.default
        func walk(_ relative: String) {
            let path = relative.isEmpty ? root.path : root.path + "/" + relative
            for name in (try? fm.contentsOfDirectory(atPath: path)) ?? [] {
                let child = relative.isEmpty ? name : relative + "/" + name
                // The output and handoff's own temporary folders beside it.
                if child == excluding || name.hasPrefix("." + excluding + ".handoff-") { continue }
                if let target = try? fm.destinationOfSymbolicLink(atPath: root.path + "/" + child) {
                    out[child] = "-> " + target
                    continue
                }
                var isDirectory: ObjCBool = false
                fm.fileExists(atPath: root.path + "/" + child, isDirectory: &isDirectory)
                if isDirectory.boolValue {
                    out[child + "/"] = ""
                    walk(child)
                } else {
                    let size = (try? fm.attributesOfItem(atPath: root.path + "/" + child)[.size] as? Int) ?? 0
                    // Large generated files are compared by size, the rest by content.
                    out[child] = size > 1_000_000 ? "\(size) bytes" : String(decoding: fm.contents(atPath: root.path + "/" + child) ?? Data(), as: UTF8.self)
                }
            }
        }
        walk("")
        return out
    }

    static func generate(_ recipe: Case.Generate, in root: URL) throws {
        let n = recipe.n
        let header = "---\nname: Generated\n---\n"
        let text: String
        switch recipe.shape {
        case "filler": text = header + String(repeating: "a", count: n - header.utf8.count + 20)
        case "many-pages":
            let folder = root.appendingPathComponent(recipe.path)
            try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
            let page = Data("---\nname: Page\n---\n".utf8)
            for i in 0..<n { try page.write(to: folder.appendingPathComponent(String(format: "p%06d.md", i))) }
            return
        case "alias-bomb":
            var levels = ["a: &a [\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\"]"]
            for (previous, name) in zip("abcdefgh", "bcdefghi").prefix(n - 1) {
                levels.append("\(name): &\(name) [" + Array(repeating: "*\(previous)", count: 9).joined(separator: ",") + "]")
            }
            text = "---\nname: Bomb\n" + levels.joined(separator: "\n") + "\n---\n"
        case "deep-yaml": text = "---\nname: " + String(repeating: "[", count: n) + "\n---\n"
        case "deep-quotes": text = header + String(repeating: ">", count: n) + " x\n"
        case "table-wide": text = header + "|" + String(repeating: "a|", count: n) + "\n|" + String(repeating: "-|", count: n) + "\n" + String(repeating: "x\n", count: n)
        case "image-brackets": text = header + String(repeating: "![[]()", count: n) + "\n"
        case "autolink-at": text = header + String(repeating: "a@", count: n) + "\n"
        case "html-comment": text = header + "a" + String(repeating: "<!--", count: n) + "\n"
        case "emphasis": text = header + String(repeating: "*a **a ", count: n) + "b" + String(repeating: " a** a*", count: n) + "\n"
        case "dash-space": text = header + String(repeating: " -", count: n) + "\n"
        case "unclosed-tags": text = header + String(repeating: "<b><i><a href=\"https://example.org\">x", count: n) + "\n"
        case "sparse":
            // A large file that takes no disk: its size is what matters.
            let url = root.appendingPathComponent(recipe.path)
            try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
            FileManager.default.createFile(atPath: url.path, contents: nil)
            let handle = try FileHandle(forWritingTo: url)
            try handle.truncate(atOffset: UInt64(n))
            try handle.close()
            return
        default:
            Issue.record("unknown shape \(recipe.shape)")
            return
        }
        let url = root.appendingPathComponent(recipe.path)
        try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
        try Data(text.utf8).write(to: url)
    }
}
