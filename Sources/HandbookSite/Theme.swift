import Foundation
import Markup
import Mustache

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
/// every other file is an asset copied to the output root.
public struct Theme: Sendable {
    public struct TemplateError: Error, CustomStringConvertible {
        public var file: String
        public var line: Int
        public var column: Int
        public var message: String
        public var rule = "template"

        public var description: String { "\(file):\(line):\(column): error: \(message) [\(rule)]" }
    }

    /// The built-in theme's files (`handoff theme export` writes them out).
    public static var builtInFiles: [(name: String, bytes: [UInt8])] { DefaultTheme.files.sorted { $0.name < $1.name } }

    public static let requiredTemplates = ["layout", "index", "role", "stage", "contract", "context", "page"]

    let library: MustacheLibrary
    let assets: [(name: String, bytes: [UInt8])]

    /// - Parameters:
    ///   - overrides: a folder of overriding files, or nil.
    ///   - displayPath: how that folder is named in errors ("templates").
    public static func load(overrides: String?, displayPath: String) throws -> Theme {
        FastHTML.register
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
                            throw TemplateError(file: displayPath + "/" + relative, line: 1, column: 1,
                                                message: "symlink points outside the templates folder or nowhere", rule: "unsafe-input")
                        }
                    }
                    var isDirectory: ObjCBool = false
                    guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) else { continue }
                    if isDirectory.boolValue {
                        if isSymlink {
                            throw TemplateError(file: displayPath + "/" + relative, line: 1, column: 1,
                                                message: "symlinked folder '\(relative)' is not followed", rule: "unsafe-input")
                        }
                        if relative.split(separator: "/").count < 16 { pending.append(relative) }
                        continue
                    }
                    // Only the top level holds templates; a .mustache file deeper down is neither.
                    if !folder.isEmpty && name.hasSuffix(".mustache") { continue }
                    guard let data = FileManager.default.contents(atPath: path) else {
                        throw TemplateError(file: displayPath + "/" + relative, line: 1, column: 1, message: "file could not be read")
                    }
                    files[relative] = (Array(data), displayPath + "/" + relative)
                }
            }
        }
        var library = MustacheLibrary()
        var assets: [(String, [UInt8])] = []
        for (name, file) in files.sorted(by: { $0.key < $1.key }) {
            guard name.hasSuffix(".mustache") else {
                assets.append((name, file.bytes))
                continue
            }
            guard let text = String(validating: file.bytes, as: UTF8.self) else {
                throw TemplateError(file: file.source, line: 1, column: 1, message: "template is not valid UTF-8")
            }
            do {
                library.register(try MustacheTemplate(string: FastHTML.pragma + text), named: String(name.dropLast(".mustache".count)))
            } catch let error as MustacheTemplate.ParserError {
                // The pragma is a line of its own: report positions in the file as written.
                throw TemplateError(file: file.source, line: max(1, error.context.lineNumber - 1), column: error.context.columnNumber,
                                    message: Self.describe(error.error))
            }
        }
        // Assets are copied to the site root: they may not replace a page.
        let reserved: Set<String> = ["index.html", "heatmap.svg", "handbook.html", OutputFolder.marker, "stages", "roles", "contracts", "contexts", "pages", "objects"]
        for (name, _) in assets {
            let first = String(name.split(separator: "/")[0])
            guard reserved.contains(first) else { continue }
            throw TemplateError(file: files[name]!.source, line: 1, column: 1,
                                message: "asset '\(name)' would overwrite the site's own '\(first)'")
        }
        for name in requiredTemplates where library.getTemplate(named: name) == nil {
            throw TemplateError(file: displayPath + "/" + name + ".mustache", line: 1, column: 1, message: "template is missing")
        }
        return Theme(library: library, assets: assets)
    }

    static func describe(_ error: Error) -> String {
        guard let error = error as? MustacheTemplate.Error else { return "\(error)" }
        switch error {
        case .sectionCloseNameIncorrect: return "section closed with a different name than it was opened with"
        case .unfinishedName: return "tag is not finished"
        case .expectedSectionEnd: return "section is never closed"
        case .invalidSetDelimiter: return "invalid set-delimiter tag"
        case .transformAppliedToInheritanceSection: return "a transform cannot apply to an inherited section"
        case .illegalTokenInsideInheritSection: return "tag not allowed inside an inherited section"
        case .textInsideInheritSection: return "text not allowed inside an inherited section"
        case .invalidConfigVariableSyntax: return "invalid configuration variable"
        case .unrecognisedConfigVariable: return "unknown configuration variable"
        }
    }

    func render(_ object: some MustacheDictionary, template: String) -> String {
        library.render(object.mustache, withTemplate: template) ?? ""
    }
}

/// HTML escaping for `{{variables}}`: the same five entities as
/// swift-mustache's own (`< > & " '`), by `HTMLText.escape` on bytes with a
/// fast path for text that needs none; its own walks Characters with a
/// dictionary lookup each (9% of a large build). Every template, built-in or a
/// handbook's, starts with the pragma that selects it, on a line of its own
/// (a standalone tag renders nothing); error lines are shifted back by one.
struct FastHTML: MustacheContentType {
    static let name = "HANDOFF-HTML"
    static let pragma = "{{% CONTENT_TYPE: \(name) }}\n"
    static let register: Void = { MustacheContentTypes.register(FastHTML(), named: name) }()

    func escapeText(_ text: String) -> String { HTMLText.escape(text) }
}
