import HandbookModel
import Markup

/// The Role × Lifecycle engagement heatmap: rows are stages in lifecycle
/// order, columns are roles. Every cell carries a letter (L, S, C, ·) so it
/// reads without colour; the fills are a sequential blue ramp (ColorBrewer
/// Blues, safe for the common colour-vision deficiencies). Each column links
/// to its role page with a hover title naming the role.
///
/// Column labels are rotated 45°: neighbouring labels are `cell` apart
/// horizontally, so `cell × sin 45°` (≈ 31 px) apart perpendicular to the
/// text, more than the 12 px font; any number of roles fits without
/// overlap. Long names are shortened with "…" (full name in the title).
/// Coordinates are integers, so the output is byte-stable.
struct HeatmapSVG {
    let graph: SiteGraph
    let page: PageRef

    static let cell = 44
    static let rowHeight = 34
    static let gap = 2
    static let maxLabel = 26
    static let charWidth = 7.5

    struct Style {
        let fill: String
        let text: String
        let letter: String
    }

    static func style(_ level: Engagement?) -> Style {
        switch level {
        case .lead: Style(fill: "#08519c", text: "#ffffff", letter: "L")
        case .support: Style(fill: "#6baed6", text: "#08306b", letter: "S")
        case .consult: Style(fill: "#c6dbef", text: "#08306b", letter: "C")
        case nil: Style(fill: "#f2f2f2", text: "#595959", letter: "·")
        }
    }

    static func shortened(_ name: String) -> String { truncated(name, to: maxLabel) }

    /// `text` cut to `limit` characters, the last one "…" when cut (SVG text does not wrap).
    static func truncated(_ text: String, to limit: Int) -> String {
        if text.utf8.count <= limit { return text } // no more scalars than bytes
        let scalars = Array(text.unicodeScalars)
        guard scalars.count > limit else { return text }
        var out = String.UnicodeScalarView()
        out.append(contentsOf: scalars[0..<(limit - 1)])
        return String(out) + "…"
    }

    static func width(_ text: String) -> Int { Int((Double(text.unicodeScalars.count) * charWidth).rounded(.up)) }

    func render(standalone: Bool) -> String {
        let stages = graph.stages
        let roles = graph.roles
        let externals = graph.engagedExternals
        let e = HTMLText.escape
        let cell = Self.cell, row = Self.rowHeight, gap = Self.gap
        let stageLabels = stages.map { Self.shortened($0.name) }
        let roleLabels = roles.map { Self.shortened($0.name) } + externals.map { Self.shortened($0.name) }
        let labelWidth = max(80, (stageLabels.map(Self.width).max() ?? 0) + 16)
        let longestRole = roleLabels.map(Self.width).max() ?? 0
        let diagonal = Int((Double(longestRole) * 0.7072).rounded(.up))
        let headerHeight = diagonal + 24
        // Externals of the extended team: columns after the roles, set apart by `externalGap`.
        let externalGap = externals.isEmpty ? 0 : 14
        let gridWidth = (roles.count + externals.count) * (cell + gap) + externalGap
        let gridHeight = stages.count * (row + gap)
        let legendTop = headerHeight + gridHeight + 18
        let width = max(labelWidth + gridWidth + diagonal + 12, labelWidth + (externals.isEmpty ? 420 : 640))
        let height = legendTop + 30

        var svg = ""
        if standalone { svg += "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n" }
        svg += "<svg xmlns=\"http://www.w3.org/2000/svg\" xmlns:xlink=\"http://www.w3.org/1999/xlink\" class=\"heatmap-svg\""
        svg += " width=\"\(width)\" height=\"\(height)\" viewBox=\"0 0 \(width) \(height)\""
        // Inline in HTML, ARIA names the figure; SVG 1.1 files take <title>/<desc> alone.
        if !standalone { svg += " role=\"img\" aria-labelledby=\"heatmap-title heatmap-desc\"" }
        svg += " font-family=\"system-ui, -apple-system, 'Segoe UI', sans-serif\" font-size=\"12\">\n"
        svg += "<title id=\"heatmap-title\">Role × Lifecycle engagement</title>\n"
        svg += "<desc id=\"heatmap-desc\">Rows are the \(stages.count) lifecycle stages in order, columns are the \(roles.count) roles"
        svg += externals.isEmpty ? ". " : ", then \(externals.count) outside the team. "
        svg += "Each cell says whether the role leads (L), supports (S), consults (C) or is not engaged (·) in that stage, and links to the role's page"
        svg += externals.isEmpty ? ".</desc>\n" : "; outside the team, E marks the stages where they are engaged.</desc>\n"

        // The four cells, drawn once; each cell is a <use> of one (about 30
        // bytes, against 300 for a cell drawn in full). Classes let the
        // stylesheet recolour them in dark mode.
        svg += "<defs>"
        if !externals.isEmpty {
            svg += "<g id=\"hm-external\"><rect x=\"1\" y=\"1\" width=\"\(cell - 2)\" height=\"\(row - 2)\" rx=\"3\" stroke-dasharray=\"4 3\" stroke-width=\"2\" style=\"fill:var(--hm-none,#f2f2f2);stroke:var(--hm-lead,#08519c)\"/>"
            svg += "<text x=\"\(cell / 2)\" y=\"\(row / 2 + 5)\" text-anchor=\"middle\" font-size=\"14\" font-weight=\"600\" style=\"fill:var(--hm-none-text,#08306b)\">E</text></g>"
        }
        for level in [Engagement.lead, .support, .consult, nil] as [Engagement?] {
            let style = Self.style(level)
            let name = level?.rawValue ?? "none"
            // Colours through custom properties (which reach into <use> copies, where
            // selectors do not), with the light colours as the fallback when the SVG stands alone.
            svg += "<g id=\"hm-\(name)\"><rect width=\"\(cell)\" height=\"\(row)\" rx=\"3\" style=\"fill:var(--hm-\(name),\(style.fill))\"/>"
            svg += "<text x=\"\(cell / 2)\" y=\"\(row / 2 + 5)\" text-anchor=\"middle\" font-size=\"14\" font-weight=\"600\" style=\"fill:var(--hm-\(name)-text,\(style.text))\">\(style.letter)</text></g>"
        }
        svg += "</defs>\n"
        // Row labels: the stages.
        for (rowIndex, stage) in stages.enumerated() {
            let y = headerHeight + rowIndex * (row + gap)
            svg += "<a xlink:href=\"\(e(page.href(to: PageRef(.stages, stage.id))))\"><title>\(e(stage.name))</title>"
            svg += "<text x=\"\(labelWidth - 10)\" y=\"\(y + row / 2 + 4)\" text-anchor=\"end\" fill=\"currentColor\">\(e(stageLabels[rowIndex]))</text></a>\n"
        }
        // One column per role: its name (rotated) and its cells, one link to its page.
        let rowTops = stages.indices.map { headerHeight + $0 * (row + gap) }
        for (index, role) in roles.enumerated() {
            let x = labelWidth + index * (cell + gap)
            let labelX = cell / 2, labelY = headerHeight - 8
            svg += "<a xlink:href=\"\(e(page.href(to: PageRef(.roles, role.id))))\"><title>\(e(role.name))</title><g transform=\"translate(\(x))\">"
            svg += "<text x=\"\(labelX)\" y=\"\(labelY)\" transform=\"rotate(-45 \(labelX) \(labelY))\" fill=\"currentColor\">\(e(roleLabels[index]))</text>"
            for (rowIndex, stage) in stages.enumerated() {
                svg += "<use xlink:href=\"#hm-\(role.engagement[stage.id]?.level.rawValue ?? "none")\" y=\"\(rowTops[rowIndex])\"/>"
            }
            svg += "</g></a>\n"
        }
        // The extended team: no page to link, the name in italics with "outside the team" in its title.
        for (offset, external) in externals.enumerated() {
            let x = labelWidth + (roles.count + offset) * (cell + gap) + externalGap
            let labelX = cell / 2, labelY = headerHeight - 8
            svg += "<g transform=\"translate(\(x))\"><title>\(e(external.name)) (outside the team)</title>"
            svg += "<text x=\"\(labelX)\" y=\"\(labelY)\" transform=\"rotate(-45 \(labelX) \(labelY))\" font-style=\"italic\" fill=\"currentColor\">\(e(roleLabels[roles.count + offset]))</text>"
            for (rowIndex, stage) in stages.enumerated() {
                let engaged = external.engaged.contains { $0.value == stage.id }
                svg += "<use xlink:href=\"#hm-\(engaged ? "external" : "none")\" y=\"\(rowTops[rowIndex])\"/>"
            }
            svg += "</g>\n"
        }
        // Legend.
        var x = labelWidth
        for level in [Engagement.lead, .support, .consult, nil] as [Engagement?] {
            let style = Self.style(level)
            let label = level?.label ?? "Not engaged"
            let name = level?.rawValue ?? "none"
            svg += "<rect x=\"\(x)\" y=\"\(legendTop)\" width=\"22\" height=\"18\" rx=\"3\" style=\"fill:var(--hm-\(name),\(style.fill))\"/>"
            svg += "<text x=\"\(x + 11)\" y=\"\(legendTop + 13)\" text-anchor=\"middle\" font-weight=\"600\" style=\"fill:var(--hm-\(name)-text,\(style.text))\">\(style.letter)</text>"
            svg += "<text x=\"\(x + 28)\" y=\"\(legendTop + 13)\" fill=\"currentColor\">\(label)</text>\n"
            x += 28 + Self.width(label) + 18
        }
        if !externals.isEmpty {
            svg += "<rect x=\"\(x + 1)\" y=\"\(legendTop + 1)\" width=\"20\" height=\"16\" rx=\"3\" stroke-dasharray=\"4 3\" stroke-width=\"2\" style=\"fill:var(--hm-none,#f2f2f2);stroke:var(--hm-lead,#08519c)\"/>"
            svg += "<text x=\"\(x + 11)\" y=\"\(legendTop + 13)\" text-anchor=\"middle\" font-weight=\"600\" style=\"fill:var(--hm-none-text,#08306b)\">E</text>"
            svg += "<text x=\"\(x + 28)\" y=\"\(legendTop + 13)\" fill=\"currentColor\">Engaged, outside the team</text>\n"
        }
        svg += "</svg>\n"
        return svg
    }
}
