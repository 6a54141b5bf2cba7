import Diagnostics
import HandbookModel

/// stages/, contexts/ and pages/ front matter.
enum StageDecoder {
    static let fields = EntityKind.stages.fields

    static func decode(id: String, file: String, root: YAMLNode, body: Body, log: DiagnosticLog) -> Stage? {
        guard let fields = Fields(root, known: Self.fields, log: log, what: "front matter") else { return nil }
        var stage = Stage(id: id, file: file,
                          name: fields.text("name", required: true) ?? "",
                          question: fields.text("question", required: true) ?? "",
                          output: fields.text("output", required: true) ?? "",
                          body: body)
        let timebox = fields.duration("timebox")
        stage.timebox = timebox.value?.value
        stage.timeboxReported = timebox.isReported
        return stage
    }
}

enum ContextDocDecoder {
    static let fields = EntityKind.contexts.fields

    static func decode(id: String, file: String, root: YAMLNode, body: Body, log: DiagnosticLog) -> ContextDoc? {
        guard let fields = Fields(root, known: Self.fields, log: log, what: "front matter") else { return nil }
        return ContextDoc(id: id, file: file, name: fields.text("name", required: true) ?? "",
                          description: fields.text("description"), body: body)
    }
}

enum PageDecoder {
    static let fields = EntityKind.pages.fields

    /// Fields that mean the same as one above (other tools' names for them).
    static let synonyms = ["title": "name", "weight": "order", "summary": "description"]

    /// A page's front matter is optional and may come from another tool:
    /// fields other than those above are accepted without a word, except a
    /// near-miss of one of them (`ordr`, `drfat`), which is `unknown-field`.
    /// `title`, `weight` and `summary` are `name`, `order` and `description`.
    static func decode(id: String, file: String, root: YAMLNode, body: Body, log: DiagnosticLog) -> Page? {
        guard let fields = Fields(root, known: Self.fields, log: log, what: "front matter", others: .acceptedUnlessNearMiss) else { return nil }
        func field(_ key: String) -> String {
            // The field itself, else its synonym; both written: the second is reported.
            let synonym = synonyms.first { $0.value == key }?.key
            if let synonym, fields.has(synonym) {
                if fields.has(key) {
                    log.add(.unknownField, "unknown field '\(synonym)'", at: fields.pair(synonym)!.key,
                            notes: [.init("a page's '\(synonym)' is its '\(key)', which is set too")])
                    return key
                }
                return synonym
            }
            return key
        }
        let nameKey = field("name")
        var page = Page(id: id, file: file, name: fields.text(nameKey) ?? "", order: order(fields, key: field("order"), log: log), body: body)
        page.description = fields.text(field("description"))
        if let node = fields.value("draft") {
            switch node.text?.lowercased() {
            case "true"?: page.draft = true
            case "false"?: page.draft = false
            default: log.add(.invalidValue, "'\(node.text ?? node.kindName)' is not a valid draft; expected true or false", at: node)
            }
        }
        return page
    }

    static func order(_ fields: Fields, key: String, log: DiagnosticLog) -> Double? {
        var order: Double?
        if let text = fields.text(key), let node = fields.value(key) {
            if let number = Double(text), number.isFinite {
                order = number
            } else {
                log.add(.invalidValue, "'\(text)' is not a valid \(key); expected a number", at: node)
            }
        }
        return order
    }
}

/// handbook.yaml → `Settings`.
enum SettingsDecoder {
    static let fields = FieldReference.settings.names

    static func decode(file: String, root: YAMLNode?, log: DiagnosticLog) -> Settings? {
        guard let root else {
            log.add(.missingField, "missing required field 'title'", at: .start(of: file))
            log.add(.missingField, "missing required field 'lifecycle'", at: .start(of: file))
            return Settings(file: file)
        }
        guard let fields = Fields(root, known: Self.fields, log: log, what: "handbook.yaml") else { return nil }
        var settings = Settings(file: file)
        settings.title = fields.text("title", required: true) ?? ""
        settings.description = fields.text("description")
        settings.repository = fields.text("repository")
        if let url = fields.text("url"), let node = fields.value("url") {
            // Absolute, http or https: the sitemap and canonical links are made of it.
            let lower = url.lowercased()
            if (lower.hasPrefix("https://") || lower.hasPrefix("http://")), url.split(separator: "/", omittingEmptySubsequences: true).count >= 2,
               !url.contains(" "), !url.contains("?"), !url.contains("#") {
                settings.url = url.hasSuffix("/") ? url : url + "/"
            } else {
                log.add(.invalidValue, "'\(url.displayEscaped)' is not a valid url; expected the site's absolute address, such as https://acme.github.io/handbook/",
                        at: node, notes: lower.contains("://") || url.isEmpty ? [] : [.init("did you mean 'https://\(url)'?")])
            }
        }
        if let text = fields.text("raw_html"), let node = fields.value("raw_html"),
           let policy = Fields.choice(text, at: node, field: "raw_html", Settings.RawHTML.self, log: log) {
            settings.rawHTML = policy.value
        }
        let budget = fields.duration("cycle_budget")
        settings.cycleBudget = budget.value
        settings.cycleBudgetReported = budget.isReported
        if let items = fields.list("lifecycle", required: true) {
            for item in items {
                guard let text = fields.itemText(item, of: "lifecycle"), let id = Fields.id(text, at: item, log: log) else { continue }
                if let first = settings.lifecycle.first(where: { $0.value == id.value }) {
                    log.add(.invalidValue, "stage '\(text)' appears twice in lifecycle", at: item,
                            notes: [.init("'\(text)' first listed here", at: first.location)])
                    continue
                }
                settings.lifecycle.append(id)
            }
        }
        if let pairs = fields.mapping("external") {
            for pair in pairs {
                guard let text = pair.key.text else {
                    log.add(.invalidValue, "an external id must be text, not \(pair.key.kindName)", at: pair.key)
                    continue
                }
                guard let id = Fields.id(text, at: pair.key, log: log) else { continue }
                var external = Settings.External(id: id.value, name: id.value, location: id.location)
                switch pair.value.content {
                case let .scalar(text, _) where !pair.value.isNull && !text.isEmpty: external.name = text
                case .scalar: break
                case .mapping:
                    // The extended team (FORMAT.md, The kernel): {name, engaged}.
                    guard let entry = Fields(pair.value, known: FieldReference.external.names, log: log, what: "external '\(text)'",
                                             owner: "external '\(text)'") else { break }
                    if let name = entry.text("name") { external.name = name }
                    if let engaged = entry.ids("engaged"), let node = entry.value("engaged") {
                        external.engaged = engaged.ids
                        external.engagedLocation = log.location(node)
                    }
                default:
                    log.add(.invalidValue, "the name of external '\(text)' must be text, not \(pair.value.kindName)", at: pair.value)
                }
                settings.externals[id.value] = external
            }
        }
        if let node = fields.value("risks"), let pair = fields.pair("risks") {
            settings.risksLocation = log.location(pair.key)
            if let entry = Fields(node, known: FieldReference.risks.names, log: log, what: "risks") {
                var owners: [Settings.RiskOwner] = []
                for risk in Settings.Risk.allCases {
                    guard let value = entry.value(risk.rawValue) else { continue }
                    switch value.content {
                    case .sequence:
                        // risk-by-committee: kept with every id written, for the rule to report.
                        let ids = entry.ids(risk.rawValue)?.ids ?? []
                        owners.append(.init(risk: risk, owners: ids, isList: true, location: log.location(value)))
                    default:
                        guard let text = entry.text(risk.rawValue), let id = Fields.id(text, at: value, log: log) else {
                            // Reported here (a mapping, an invalid id): present, with no owner to check further.
                            owners.append(.init(risk: risk, owners: [], isList: false, location: log.location(value)))
                            continue
                        }
                        owners.append(.init(risk: risk, owners: [id], isList: false, location: id.location))
                    }
                }
                settings.risks = owners
            }
        }
        if let pairs = fields.mapping("severity") {
            for pair in pairs {
                guard let ruleText = pair.key.text else {
                    log.add(.invalidValue, "a rule id must be text, not \(pair.key.kindName)", at: pair.key)
                    continue
                }
                guard let levelText = pair.value.text else {
                    log.add(.invalidValue, "the severity of '\(ruleText)' must be error, warning or off, not \(pair.value.kindName)",
                            at: pair.value.isNull ? pair.key : pair.value)
                    continue
                }
                guard let level = Fields.choice(levelText, at: pair.value, field: "severity", Severity.self, log: log) else { continue }
                // Whether the id names a rule that may change is the checker's to say: it holds the registry.
                settings.severity[ruleText] = level.value
                settings.severityLocations[ruleText] = log.location(pair.key)
            }
        }
        return settings
    }
}
