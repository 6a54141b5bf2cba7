import Diagnostics
import HandbookModel
import Markup

/// Reads one content file: bytes → UTF-8 → front matter → YAML → body scan.
/// Every failure is a diagnostic; nil front matter means the file could not
/// be read and its entity is unreadable.
enum SourceFileLoader {
    struct Parsed {
        var root: YAMLNode
        var body: Body
    }

    static func text(path: String, file: String, limits: LoadLimits, log: DiagnosticLog) -> String? {
        text(FileSystem.read(path, limit: limits.fileBytes), file: file, limits: limits, log: log)
    }

    static func text(_ read: Result<[UInt8], FileSystem.ReadError>, file: String, limits: LoadLimits, log: DiagnosticLog) -> String? {
        switch read {
        case let .failure(.cannotOpen(reason)):
            log.add(.yamlSyntax, "file could not be read: \(reason)", at: .start(of: file))
            return nil
        case let .failure(.tooLarge(size)):
            log.add(.unsafeInput, "file is \(size) bytes, over the limit of \(limits.fileBytes) (raise it with --limit file-bytes=N)", at: .start(of: file))
            return nil
        case let .success(bytes):
            switch SourceText.decode(bytes) {
            case let .failure(invalid):
                if let encoding = SourceText.utf16(bytes) {
                    log.add(.yamlSyntax, "file is not valid UTF-8: it is \(encoding)", at: .start(of: file),
                            notes: [.init("save it as UTF-8 (most editors: File, Save with Encoding, UTF-8)")])
                    return nil
                }
                log.add(.yamlSyntax, "file is not valid UTF-8: byte \(invalid.hex) on line \(invalid.line)",
                        at: SourceLocation(file: file, line: invalid.line, column: invalid.column))
                return nil
            case let .success(text):
                return text
            }
        }
    }

    /// How a body is read: the page kind's reserved ids and the raw HTML policy.
    struct BodyOptions {
        var reserved: Set<String> = []
        var rawHTML: RawHTMLPolicy = .sanitize
        /// Keep the page's HTML too (`build`), so the site parses nothing again.
        var renderHTML = false
        /// A page of `pages/`: front matter is optional, other tools' template syntax is reported.
        var isPage = false
        /// The handbook's files, which links resolve against.
        var files = ContentFiles()
    }

    /// A content file's text. Front matter must be valid UTF-8 (`yaml-syntax`
    /// at the first bad byte); a bad byte in the body is `bad-encoding`, a
    /// warning, and becomes U+FFFD.
    static func markdownText(_ read: Result<[UInt8], FileSystem.ReadError>, file: String, limits: LoadLimits, isPage: Bool, log: DiagnosticLog) -> String? {
        guard case let .success(bytes) = read, case let .failure(invalid) = SourceText.decode(bytes), SourceText.utf16(bytes) == nil else {
            return text(read, file: file, limits: limits, log: log)
        }
        let lossy = SourceText.lossy(bytes)
        let split = FrontMatter.split(lossy)
        // The bad byte is in the body: after the front matter, or anywhere in a page that has none.
        let inBody: Bool
        switch split {
        case let .success(frontMatter): inBody = invalid.line >= frontMatter.bodyFirstLine
        case .failure: inBody = isPage
        }
        guard inBody else {
            return text(read, file: file, limits: limits, log: log) // reported as yaml-syntax
        }
        let more = SourceText.invalidCount(bytes) - 1
        log.add(.badEncoding, "body is not valid UTF-8: byte \(invalid.hex) on line \(invalid.line) is shown as U+FFFD"
                    + (more > 0 ? " (and \(more) more bad \(plural("byte", more)))" : ""),
                at: SourceLocation(file: file, line: invalid.line, column: invalid.column))
        return lossy
    }

    static func markdownFile(_ read: Result<[UInt8], FileSystem.ReadError>, file: String, limits: LoadLimits, options: BodyOptions,
                             log: DiagnosticLog) -> Parsed? {
        guard let text = markdownText(read, file: file, limits: limits, isPage: options.isPage, log: log) else { return nil }
        let frontMatter: FrontMatter
        switch FrontMatter.split(text) {
        case .failure where options.isPage:
            // A page needs no front matter (docs written for GitHub have none);
            // an opening '---' that nothing closes is a thematic break.
            return Parsed(root: YAMLNode(content: .scalar("", plain: true), line: 1, column: 1),
                          body: body(text, firstLine: 1, file: file, limits: limits.markdown, options: options, log: log))
        case .failure(.missing):
            log.add(.yamlSyntax, "file has no front matter: it must start with a '---' line", at: .start(of: file))
            return nil
        case .failure(.unterminated):
            log.add(.yamlSyntax, "front matter is not closed: no '---' line ends it", at: .start(of: file))
            return nil
        case let .success(split):
            frontMatter = split
        }
        guard let root = compose(frontMatter.yaml, lineOffset: frontMatter.yamlFirstLine - 1, file: file, log: log) else { return nil }
        return Parsed(root: root ?? YAMLNode(content: .scalar("", plain: true), line: 1, column: 1),
                      body: body(frontMatter.body, firstLine: frontMatter.bodyFirstLine, file: file, limits: limits.markdown, options: options, log: log))
    }

    /// nil when the YAML is invalid (reported); `.some(nil)` for an empty document.
    static func compose(_ yaml: String, lineOffset: Int, file: String, log: DiagnosticLog) -> YAMLNode?? {
        var truncations: [YAMLComposer.Truncation] = []
        let composed = YAMLComposer.compose(yaml, lineOffset: lineOffset, truncations: &truncations)
        for cut in truncations {
            let whole = cut.value + " " + cut.rest
            let quoted = whole.contains("\"") ? "'" + whole.split(separator: "'", omittingEmptySubsequences: false).joined(separator: "''") + "'"
                : "\"" + whole + "\""
            log.add(.truncatedValue, "the value is cut at ' #': YAML reads '\(String(cut.rest.prefix(40)).displayEscaped)' as a comment, so the value is '\(cut.value.displayEscaped)'",
                    at: SourceLocation(file: file, line: cut.line, column: cut.column),
                    notes: [.init("put the whole value in quotes: \(quoted.displayEscaped)")])
        }
        switch composed {
        case let .failure(problem):
            var notes: [Diagnostic.Note] = []
            if let note = problem.note {
                notes.append(.init(note.message, at: SourceLocation(file: file, line: note.line, column: note.column)))
            }
            if let hint = problem.hint { notes.append(.init(hint)) }
            log.add(.yamlSyntax, problem.message, at: SourceLocation(file: file, line: problem.line, column: problem.column), notes: notes)
            return nil
        case let .success(root):
            return .some(root)
        }
    }

    /// The body, scanned by cmark only when it passes the resource guard;
    /// otherwise an empty body and an `unsafe-input` diagnostic. What the
    /// raw HTML sanitizer removes is one `raw-html-removed` warning.
    static func body(_ markdown: String, firstLine: Int, file: String, limits: MarkdownLimits, options: BodyOptions, log: DiagnosticLog) -> Body {
        if let violation = MarkdownGuard.check(markdown, limits: limits) {
            log.add(.unsafeInput, violation.message, at: SourceLocation(file: file, line: firstLine + violation.line - 1, column: 1))
            return Body(markdown: "", firstLine: firstLine, links: [], anchors: [])
        }
        var dependsOnFiles = false
        let files = options.files
        let scan = MarkdownRendering(markdown, reserved: options.reserved, rawHTML: options.rawHTML, html: options.renderHTML) { destination in
            guard let link = ContentLink(destination) else { return destination }
            if !link.path.isEmpty, ContentFiles.dependsOnFiles(link) { dependsOnFiles = true }
            return files.href(for: link, written: destination, from: file)
        }
        // Each link resolved here, in the parallel parse, against the files the
        // load found (an outcome that depends on them is parsed again when they change).
        let links = scan.links.map { found -> Body.Link in
            var link = Body.Link(destination: found.destination, location: SourceLocation(file: file, line: found.line + firstLine - 1, column: found.column))
            if let target = link.target, !target.path.isEmpty {
                link.resolved = files.resolve(target, from: file)
                if ContentFiles.dependsOnFiles(target) { dependsOnFiles = true }
            }
            return link
        }
        if options.isPage, let first = scan.foreignSyntax.first {
            let kinds = Set(scan.foreignSyntax.map(\.kind))
            let what = [ForeignSyntax.Kind.liquid, .hugo, .mdBook].filter(kinds.contains).map(\.rawValue)
            let count = scan.foreignSyntax.count
            log.add(.foreignSyntax, "\(listed(what)) syntax is shown as written: handoff runs no other tool's templates"
                        + " (\(counted(count, "place")) in this file, first '\(first.text.displayEscaped)')",
                    at: SourceLocation(file: file, line: first.line + firstLine - 1, column: first.column),
                    notes: [.init(what.contains(ForeignSyntax.Kind.mdBook.rawValue) ? "paste the included file's text in place of {{#include}}, or link to it"
                                  : "write the value in place of the tag, or put the tag in a code span to show it")])
        }
        if let first = scan.removals.first {
            let at = SourceLocation(file: file, line: first.line + firstLine - 1, column: first.column)
            if options.rawHTML == .drop {
                log.add(.rawHTMLRemoved, "raw HTML dropped: \(counted(first.count, "piece")) (handbook.yaml sets raw_html: drop)", at: at)
            } else {
                log.add(.rawHTMLRemoved, "raw HTML removed: " + Self.list(scan.removals), at: at)
            }
        }
        var body = Body(markdown: markdown, firstLine: firstLine, links: links, anchors: scan.anchors, html: options.renderHTML ? scan.html : nil)
        body.rawHTMLPieces = scan.rawHTMLPieces
        body.title = scan.heading1
        body.opensWithTitle = scan.opensWithHeading1
        body.dependsOnFiles = dependsOnFiles
        return body
    }

    /// "<script>, <div style> (3×) and 2 more".
    static func list(_ removals: [RawHTMLRemoval], shown: Int = 6) -> String {
        let items = removals.prefix(shown).map { $0.count > 1 ? "\($0.what) (\($0.count)×)" : $0.what }
        let rest = removals.count - items.count
        return items.joined(separator: ", ") + (rest > 0 ? " and \(rest) more" : "")
    }
}
