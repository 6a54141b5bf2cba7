import Diagnostics
import HandbookModel

/// portfolio.yaml → `Portfolio` (FORMAT.md, A portfolio of handbooks).
public enum PortfolioDecoder {
    /// Reads `path` (shown as `file` in diagnostics): the portfolio, or nil
    /// when it cannot be read at all (then the diagnostics say why).
    public static func load(path: String, file: String, limits: LoadLimits = LoadLimits()) -> (portfolio: Portfolio?, diagnostics: [Diagnostic]) {
        let log = DiagnosticLog(file: file)
        guard let text = SourceFileLoader.text(FileSystem.read(path, limit: limits.fileBytes), file: file, limits: limits, log: log),
              let root = SourceFileLoader.compose(text, lineOffset: 0, file: file, log: log) else { return (nil, log.items) }
        return (decode(root, file: file, log: log), log.items)
    }

    static func decode(_ root: YAMLNode?, file: String, log: DiagnosticLog) -> Portfolio? {
        var portfolio = Portfolio(file: file)
        guard let root, !root.isNull else {
            log.add(.missingField, "missing required field 'title'", at: .start(of: file))
            log.add(.missingField, "missing required field 'handbooks'", at: .start(of: file))
            return portfolio
        }
        guard let fields = Fields(root, known: FieldReference.portfolio.names, log: log, what: "portfolio.yaml") else { return nil }
        portfolio.title = fields.text("title", required: true) ?? ""
        for item in fields.list("handbooks", required: true) ?? [] {
            guard let folder = fields.itemText(item, of: "handbooks") else { continue }
            let segments = folder.split(separator: "/", omittingEmptySubsequences: false)
            guard !folder.isEmpty, !folder.hasPrefix("/"), !segments.contains(where: { $0 == ".." || $0 == "." || $0.isEmpty }) else {
                log.add(.invalidValue, "'\(folder.displayEscaped)' is not a handbook folder: name a folder beside portfolio.yaml", at: item)
                continue
            }
            if let first = portfolio.handbooks.first(where: { $0.value == folder }) {
                log.add(.invalidValue, "handbook '\(folder)' is listed twice", at: item, notes: [.init("first listed here", at: first.location)])
                continue
            }
            portfolio.handbooks.append(Located(folder, at: log.location(item)))
        }
        guard let node = fields.value("constraints"),
              let constraints = Fields(node, known: FieldReference.portfolioConstraints.names, log: log, what: "constraints") else { return portfolio }
        if let value = constraints.value("objects_agree") {
            switch value.text?.lowercased() {
            case "true"?: portfolio.objectsAgree = true
            case "false"?: portfolio.objectsAgree = false
            default: log.add(.invalidValue, "'\(value.text ?? value.kindName)' is not a valid objects_agree; expected true or false", at: value)
            }
        }
        for item in constraints.list("risks") ?? [] {
            guard let text = constraints.itemText(item, of: "risks"),
                  let risk = Fields.choice(text, at: item, field: "risk", Settings.Risk.self, log: log) else { continue }
            if !portfolio.risks.contains(risk.value) { portfolio.risks.append(risk.value) }
        }
        for item in constraints.list("gates") ?? [] {
            guard let entry = Fields.entry(item, known: FieldReference.portfolioGate.names, log: log, what: "a gate constraint") else { continue }
            guard let into = entry.text("into", required: true), let intoNode = entry.value("into"),
                  let matching = entry.text("matching", required: true), let matchingNode = entry.value("matching") else { continue }
            if into != "last", Fields.id(into, at: intoNode, log: log) == nil { continue }
            do {
                _ = try Regex(matching)
            } catch {
                log.add(.invalidValue, "'\(matching.displayEscaped)' is not a valid regular expression: \(error)", at: matchingNode)
                continue
            }
            portfolio.gates.append(.init(into: Located(into, at: log.location(intoNode)), matching: Located(matching, at: log.location(matchingNode))))
        }
        return portfolio
    }
}
