import HandbookModel
import Markup

/// The overview's timing strip: the lifecycle left to right, each stage a
/// box with its timebox, each boundary between two stages a narrower box
/// with its handoff budget; a part without a time (no timebox, no contract,
/// a contract without both durations) is drawn dashed and says why. Under
/// it, the cycle's total against `cycle_budget`. The same data is a table
/// on the page. Integer coordinates: byte-stable.
struct TimingSVG {
    let graph: SiteGraph
    let timing: CycleTiming
    let page: PageRef

    static let stageWidth = 100
    // Wide enough for "no contract" and "unbounded" at 11 px inside the chevron.
    static let boundaryWidth = 84
    static let height = 60
    static let gap = 6

    /// "2w", or why the part has no time.
    static func label(_ part: CycleTiming.Part) -> String {
        if let hours = part.hours { return Duration.compact(hours: hours) }
        if part.reported { return "invalid" }
        switch part.kind {
        case .stage: return "no timebox"
        case .boundary: return part.contracts.isEmpty ? "no contract" : "unbounded"
        }
    }

    func render() -> String {
        let e = HTMLText.escape
        let parts = timing.parts
        var x = 0
        var body = ""
        for part in parts {
            let bounded = part.hours != nil
            let dash = bounded ? "" : " stroke-dasharray=\"5 4\""
            switch part.kind {
            case let .stage(id):
                let name = HeatmapSVG.shortened(graph.title(of: PageRef(.stages, id)))
                let w = Self.stageWidth
                body += "<a xlink:href=\"\(e(page.href(to: PageRef(.stages, id))))\"><title>\(e(graph.title(of: PageRef(.stages, id)))): \(e(Self.label(part)))</title>"
                body += "<rect x=\"\(x)\" y=\"0\" width=\"\(w)\" height=\"\(Self.height)\" rx=\"4\" fill=\"\(bounded ? "#deebf7" : "#ffffff")\" stroke=\"#08519c\"\(dash)/>"
                body += "<text x=\"\(x + w / 2)\" y=\"24\" text-anchor=\"middle\" font-weight=\"600\" fill=\"#08306b\">\(e(name))</text>"
                body += "<text x=\"\(x + w / 2)\" y=\"44\" text-anchor=\"middle\" fill=\"\(bounded ? "#08306b" : "#a50f15")\">\(e(Self.label(part)))</text></a>\n"
                x += w + Self.gap
            case let .boundary(from, to):
                let w = Self.boundaryWidth
                let title = "\(graph.title(of: PageRef(.stages, from))) → \(graph.title(of: PageRef(.stages, to))): handoff \(Self.label(part))"
                let open = part.contracts.count == 1 ? "<a xlink:href=\"\(e(page.href(to: PageRef(.contracts, part.contracts[0]))))\">" : "<g>"
                body += open + "<title>\(e(title))</title>"
                body += "<path d=\"M\(x) 10 H\(x + w - 12) L\(x + w) \(Self.height / 2) L\(x + w - 12) \(Self.height - 10) H\(x) Z\" fill=\"\(bounded ? "#f7fbff" : "#ffffff")\" stroke=\"#6baed6\"\(dash)/>"
                body += "<text x=\"\(x + (w - 12) / 2)\" y=\"\(Self.height / 2 + 4)\" text-anchor=\"middle\" font-size=\"11\" fill=\"\(bounded ? "#08306b" : "#a50f15")\">\(e(Self.label(part)))</text>"
                body += part.contracts.count == 1 ? "</a>\n" : "</g>\n"
                x += w + Self.gap
            }
        }
        let width = max(x - Self.gap, 240)
        let total = timing.totalHours.map { Duration.compact(hours: $0) } ?? "unbounded"
        var summary = "Cycle: \(total)"
        if let budget = timing.budget {
            summary += " · budget \(Duration.compact(hours: budget.value.hours))"
            if timing.isOverBudget { summary += " · over budget" }
        }
        let height = Self.height + 30
        var svg = "<svg xmlns=\"http://www.w3.org/2000/svg\" xmlns:xlink=\"http://www.w3.org/1999/xlink\" class=\"timing-svg\""
        svg += " width=\"\(width)\" height=\"\(height)\" viewBox=\"0 0 \(width) \(height)\" role=\"img\" aria-labelledby=\"timing-title timing-desc\""
        svg += " font-family=\"system-ui, -apple-system, 'Segoe UI', sans-serif\" font-size=\"12\">\n"
        svg += "<title id=\"timing-title\">Time through the lifecycle</title>\n"
        svg += "<desc id=\"timing-desc\">Each of the \(graph.stages.count) stages with its timebox, and between them the handoff budget of the contracts that cross each boundary. \(e(summary)).</desc>\n"
        svg += body
        let over = timing.isOverBudget || timing.totalHours == nil
        svg += "<text x=\"0\" y=\"\(Self.height + 22)\" font-weight=\"600\" fill=\"\(over ? "#a50f15" : "currentColor")\">\(e(summary))</text>\n"
        svg += "</svg>\n"
        return svg
    }
}
