#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif
import Markup
import Diagnostics
import HandbookModel
import Templates

/// The default theme lives in `templates/` at the package root and is
/// carried inside the binary by the EmbedThemePlugin.
enum DefaultTheme {
    static var files: [(name: String, bytes: [UInt8])] {
        encodedFiles.map { ($0.name, Array(Data(base64Encoded: $0.base64) ?? Data())) }
    }
}

/// The templates and assets a site is rendered with: the built-in theme,
/// with a handbook's own `templates/` overriding it file by file. `*.mustache`
/// files are templates (named without the extension, usable as partials);
/// every other file is an asset copied to the output root. Templates are
/// compiled once, each page template against its view's schema
/// (`ViewSchemas.swift`); every problem is a `template` diagnostic at its
/// position, in whatever format the command prints.
public struct Theme: Sendable {
    /// The built-in theme's files (`handoff theme export` writes them out).
    public static var builtInFiles: [(name: String, bytes: [UInt8])] { DefaultTheme.files.sorted { $0.name < $1.name } }

    /// Each page template and the view it renders.
    static let bindings: [TemplateSet.Binding] = [
        .template("layout", renders: LayoutView.self),
        .template("index", renders: IndexView.self),
        .template("role", renders: RoleView.self),
        .template("stage", renders: StageView.self),
        .template("contract", renders: ContractView.self),
        .template("context", renders: ContextView.self),
        .template("page", renders: PageView.self),
        .template("object", renders: ObjectView.self),
        .template("list", renders: ListView.self),
        .template("nav", renders: NavGroup.self),
    ]

    public static var requiredTemplates: [String] { bindings.map(\.name) }

    let templates: TemplateSet
    let assets: [(name: String, bytes: [UInt8])]

    /// The theme, or nil when it has errors; `diagnostics` holds every problem
    /// (paths as shown: "templates/role.mustache").
    /// - Parameters:
    ///   - overrides: a folder of overriding files, or nil.
    ///   - displayPath: how that folder is named in messages ("templates").
    public static func load(overrides: String?, displayPath: String) -> (theme: Theme?, diagnostics: [Diagnostic]) {
        var diagnostics: [Diagnostic] = []
        func problem(_ rule: RuleID, _ file: String, _ message: String) {
            diagnostics.append(Diagnostic(rule, message, at: .start(of: file)))
        }
        var files: [String: (bytes: [UInt8], source: String)] = [:]
        for (name, bytes) in DefaultTheme.files { files[name] = (bytes, "built-in theme: \(name)") }
        if let overrides {
            let root = URL(fileURLWithPath: overrides).resolvingSymlinksInPath().path
            // Files in subfolders (images, fonts) are assets at the same relative path.
            var pending = [""]
            while let folder = pending.popLast() {
                let names = (try? FileManager.default.contentsOfDirectory(atPath: folder.isEmpty ? overrides : overrides + "/" + folder)) ?? []
                for name in names.sorted() where !name.hasPrefix(".") {
                    let relative = folder.isEmpty ? name : folder + "/" + name
                    let path = overrides + "/" + relative
                    // A symlink is read only when it resolves inside the templates folder.
                    let isSymlink = (try? FileManager.default.destinationOfSymbolicLink(atPath: path)) != nil
                    if isSymlink {
                        let target = URL(fileURLWithPath: path).resolvingSymlinksInPath().path
                        guard target.hasPrefix(root + "/"), FileManager.default.fileExists(atPath: target) else {
                            problem(.unsafeInput, displayPath + "/" + relative, "symlink points outside the templates folder or nowhere")
                            continue
                        }
                    }
                    var isDirectory = false
                    guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) else { continue }
                    if isDirectory {
                        if isSymlink {
                            problem(.unsafeInput, displayPath + "/" + relative, "symlinked folder '\(relative)' is not followed")
                            continue
                        }
                        if relative.split(separator: "/").count < 16 { pending.append(relative) }
                        continue
                    }
                    // Only the top level holds templates; a .mustache file deeper down is neither.
                    if !folder.isEmpty && name.hasSuffix(".mustache") { continue }
                    guard let data = FileManager.default.contents(atPath: path) else {
                        problem(.template, displayPath + "/" + relative, "file could not be read")
                        continue
                    }
                    files[relative] = (Array(data), displayPath + "/" + relative)
                }
            }
        }
        var sources: [TemplateSet.Source] = []
        var assets: [(String, [UInt8])] = []
        for (name, file) in files.sorted(by: { $0.key < $1.key }) {
            guard name.hasSuffix(".mustache") else {
                assets.append((name, file.bytes))
                continue
            }
            guard String(validating: file.bytes, as: UTF8.self) != nil else {
                problem(.template, file.source, "template is not valid UTF-8")
                continue
            }
            sources.append(.init(name: String(name.dropLast(".mustache".count)), bytes: file.bytes, file: file.source))
        }
        // Assets are copied to the site root: they may not replace a page.
        // (SiteLayout: the overview, the generated files, the list pages, the page folders.)
        for (name, _) in assets {
            let first = String(name.split(separator: "/")[0])
            guard SiteLayout.isReserved(root: first) else { continue }
            problem(.template, files[name]!.source, "asset '\(name)' would overwrite the site's own '\(first)'")
        }
        let compiled = TemplateSet.compile(sources, bindings: bindings)
        for item in compiled.problems {
            let file = item.template.hasSuffix(".mustache") && !item.template.contains("/") && !item.template.hasPrefix("built-in")
                ? displayPath + "/" + item.template : item.template
            diagnostics.append(Diagnostic(.template, item.message, at: SourceLocation(file: file, line: item.line, column: item.column),
                                          notes: item.notes.map { Diagnostic.Note($0) }))
        }
        guard diagnostics.isEmpty else { return (nil, diagnostics) }
        return (Theme(templates: compiled.set, assets: assets), [])
    }

    public func render<V: TemplateView>(_ view: V, template: String) -> String {
        templates.render(view, template: template)
    }

    /// The layout template uses the navigation as data (`{{#nav}}`) rather than `{{{navHTML}}}`.
    var layoutUsesNavList: Bool { templates.uses("nav", in: "layout") }

    func render<V: TemplateView>(_ view: V, template: String, into out: inout [UInt8]) {
        templates.render(view, template: template, into: &out)
    }
}

extension Theme {
    /// Every field each page template can use, from the view schemas, as
    /// Markdown (README's Themes section; a test keeps it in step).
    public static func fieldReference() -> String {
        var out = "Every text and list field also has a condition, `has` and its name (`hasAgents`, `hasEditURL`): true when it is not empty.\n\n"
        out += "| template | renders |\n|---|---|\n"
        for binding in bindings { out += "| `\(binding.name).mustache` | \(binding.schema.noun) |\n" }
        out += "\n"
        var seen = Set<String>()
        var pending = bindings.map(\.schema)
        while !pending.isEmpty {
            let schema = pending.removeFirst()
            guard seen.insert(schema.noun).inserted else { continue }
            out += "- **\(schema.noun.prefix(1).uppercased() + schema.noun.dropFirst())**: "
            let fields = schema.declaredFields
            if fields.isEmpty { out += "no fields (a section over a list of them repeats once per item)\n" }
            out += fields.isEmpty ? "" : fields.map { field in
                switch field.kind {
                case let .view(reference):
                    pending.append(reference.schema)
                case let .list(reference):
                    pending.append(reference.schema)
                default:
                    break
                }
                return "`\(field.name)` (\(field.kind.description))"
            }.joined(separator: ", ") + "\n"
        }
        return out
    }
}
