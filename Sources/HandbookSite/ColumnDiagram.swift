import Markup

/// A three-column flow diagram drawn without a layout engine (its shape is
/// fixed): boxes on the left flow into the box in the middle, which flows
/// into the boxes on the right. The role, context and stage-boundary
/// diagrams are this. Coordinates are integers, so output is byte-stable;
/// colours come from classes the stylesheet sets (light and dark), with
/// attributes as the fallback when the SVG stands alone.
struct ColumnDiagram {
    struct Line {
        var text: String
        var href: String? = nil
        /// Drawn in the warning colour, marked "⚠".
        var warn = false
    }

    struct Box {
        var title: Line
        var lines: [Line] = []
        /// Outside the team (no page).
        var dashed = false
    }

    var id: String
    var title: String
    var desc: String
    var left: [Box]
    var center: Box
    var right: [Box]
    var leftCaption: String
    var rightCaption: String

    static let sideWidth = 230
    static let centerWidth = 250
    static let gap = 80
    static let lineHeight = 18
    static let boxGap = 12
    static let charWidth = 7.0

    static func height(_ box: Box) -> Int { 30 + box.lines.count * lineHeight }

    static func fit(_ text: String, width: Int) -> String {
        HeatmapSVG.truncated(text, to: max(4, Int(Double(width - 16) / charWidth)))
    }

    func render() -> String {
        let e = HTMLText.escape
        let side = Self.sideWidth, middle = Self.centerWidth, gap = Self.gap
        let top = 26
        func columnHeight(_ boxes: [Box]) -> Int { boxes.map(Self.height).reduce(0, +) + max(0, boxes.count - 1) * Self.boxGap }
        let body = max(columnHeight(left), columnHeight(right), Self.height(center))
        let width = side * 2 + middle + gap * 2 + 2
        let height = top + body + 8
        let centerX = side + gap + 1
        let rightX = centerX + middle + gap
        let centerY = top + (body - Self.height(center)) / 2

        var svg = ""
        svg.reserveCapacity(2048 + 400 * (left.count + right.count))
        svg += "<svg xmlns=\"http://www.w3.org/2000/svg\" xmlns:xlink=\"http://www.w3.org/1999/xlink\" class=\"diagram\""
        svg += " width=\"\(width)\" height=\"\(height)\" viewBox=\"0 0 \(width) \(height)\" role=\"img\" aria-labelledby=\"\(id)-title \(id)-desc\""
        svg += " font-family=\"system-ui, -apple-system, 'Segoe UI', sans-serif\" font-size=\"12\">\n"
        svg += "<title id=\"\(id)-title\">\(e(title))</title>\n<desc id=\"\(id)-desc\">\(e(desc))</desc>\n"
        svg += "<defs><marker id=\"\(id)-arrow\" viewBox=\"0 0 10 10\" refX=\"10\" refY=\"5\" markerWidth=\"7\" markerHeight=\"7\" orient=\"auto\">"
        svg += "<path d=\"M0,0 L10,5 L0,10 z\" class=\"arrowhead\" fill=\"#5b616b\"/></marker></defs>\n"
        svg += "<text x=\"1\" y=\"14\" class=\"caption\" fill=\"#5b616b\">\(e(leftCaption))</text>"
        svg += "<text x=\"\(rightX)\" y=\"14\" class=\"caption\" fill=\"#5b616b\">\(e(rightCaption))</text>\n"

        // Arrows first, under the boxes.
        func arrows(_ boxes: [Box], fromLeft: Bool) {
            var y = top + (body - columnHeight(boxes)) / 2
            for (index, box) in boxes.enumerated() {
                let h = Self.height(box)
                let boxMiddle = y + h / 2
                let share = Self.height(center) - 16
                let centerPoint = centerY + 8 + (boxes.count == 1 ? share / 2 : share * index / (boxes.count - 1))
                let (x1, y1, x2, y2) = fromLeft
                    ? (1 + side, boxMiddle, centerX, centerPoint)
                    : (centerX + middle, centerPoint, rightX, boxMiddle)
                let mid = (x1 + x2) / 2
                let warn = box.lines.contains(where: \.warn)
                svg += "<path d=\"M\(x1),\(y1) C\(mid),\(y1) \(mid),\(y2) \(x2),\(y2)\" class=\"arrow\(warn ? " warn" : "")\" fill=\"none\" "
                svg += "stroke=\"\(warn ? "#a4262c" : "#5b616b")\" stroke-width=\"1.5\"\(box.dashed ? " stroke-dasharray=\"5 4\"" : "") marker-end=\"url(#\(id)-arrow)\"/>\n"
                y += h + Self.boxGap
            }
        }
        arrows(left, fromLeft: true)
        arrows(right, fromLeft: false)

        func draw(_ box: Box, x: Int, y: Int, width: Int, strong: Bool = false) {
            let h = Self.height(box)
            svg += "<rect x=\"\(x)\" y=\"\(y)\" width=\"\(width)\" height=\"\(h)\" rx=\"5\" class=\"box\(strong ? " focus" : "")\" fill=\"#f5f7fa\" stroke=\"#5b616b\""
            svg += box.dashed ? " stroke-dasharray=\"5 4\"/>\n" : "/>\n"
            func text(_ line: Line, x: Int, y: Int, weight: Bool) {
                let shown = Self.fit(line.text + (line.warn ? " ⚠" : ""), width: width)
                let attributes = "x=\"\(x)\" y=\"\(y)\"\(weight ? " font-weight=\"600\"" : "") class=\"\(line.warn ? "warn" : "label")\" fill=\"\(line.warn ? "#a4262c" : "#1d1f23")\""
                if let href = line.href {
                    svg += "<a xlink:href=\"\(e(href))\"><title>\(e(line.text))</title><text \(attributes)>\(e(shown))</text></a>\n"
                } else {
                    svg += "<text \(attributes)>\(e(shown))</text>\n"
                }
            }
            text(box.title, x: x + 8, y: y + 19, weight: true)
            for (index, line) in box.lines.enumerated() {
                text(line, x: x + 14, y: y + 19 + (index + 1) * Self.lineHeight, weight: false)
            }
        }
        var y = top + (body - columnHeight(left)) / 2
        for box in left {
            draw(box, x: 1, y: y, width: side)
            y += Self.height(box) + Self.boxGap
        }
        draw(center, x: centerX, y: centerY, width: middle, strong: true)
        y = top + (body - columnHeight(right)) / 2
        for box in right {
            draw(box, x: rightX, y: y, width: side)
            y += Self.height(box) + Self.boxGap
        }
        return svg + "</svg>\n"
    }
}
