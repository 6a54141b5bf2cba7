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
                let hex = String(invalid.byte, radix: 16, uppercase: true)
                log.add(.yamlSyntax, "file is not valid UTF-8: byte 0x\(hex.count == 1 ? "0" + hex : hex) on line \(invalid.line)",
                        at: SourceLocation(file: file, line: invalid.line, column: invalid.column))
                return nil
            case let .success(text):
                return text
            }
        }
    }

    static func markdownFile(path: String, file: String, limits: LoadLimits, log: DiagnosticLog) -> Parsed? {
        markdownFile(FileSystem.read(path, limit: limits.fileBytes), file: file, limits: limits, log: log)
    }

    static func markdownFile(_ read: Result<[UInt8], FileSystem.ReadError>, file: String, limits: LoadLimits, log: DiagnosticLog) -> Parsed? {
        guard let text = text(read, file: file, limits: limits, log: log) else { return nil }
        let frontMatter: FrontMatter
        switch FrontMatter.split(text) {
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
                      body: body(frontMatter.body, firstLine: frontMatter.bodyFirstLine, file: file, limits: limits.markdown, log: log))
    }

    /// nil when the YAML is invalid (reported); `.some(nil)` for an empty document.
    static func compose(_ yaml: String, lineOffset: Int, file: String, log: DiagnosticLog) -> YAMLNode?? {
        switch YAMLComposer.compose(yaml, lineOffset: lineOffset) {
        case let .failure(problem):
            var notes: [Diagnostic.Note] = []
            if let note = problem.note {
                notes.append(.init(note.message, at: SourceLocation(file: file, line: note.line, column: note.column)))
            }
            log.add(.yamlSyntax, problem.message, at: SourceLocation(file: file, line: problem.line, column: problem.column), notes: notes)
            return nil
        case let .success(root):
            return .some(root)
        }
    }

    /// The body, scanned by cmark only when it passes the resource guard;
    /// otherwise an empty body and an `unsafe-input` diagnostic.
    static func body(_ markdown: String, firstLine: Int, file: String, limits: MarkdownLimits, log: DiagnosticLog) -> Body {
        if let violation = MarkdownGuard.check(markdown, limits: limits) {
            log.add(.unsafeInput, violation.message, at: SourceLocation(file: file, line: firstLine + violation.line - 1, column: 1))
            return Body(markdown: "", firstLine: firstLine, links: [], anchors: [])
        }
        let scan = MarkdownScan(markdown)
        let links = scan.links.map {
            Body.Link(destination: $0.destination,
                      location: SourceLocation(file: file, line: $0.line + firstLine - 1, column: $0.column))
        }
        return Body(markdown: markdown, firstLine: firstLine, links: links, anchors: scan.headings.map(\.anchor))
    }
}
