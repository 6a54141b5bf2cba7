import Foundation
import Testing

/// The heatmap at 30 roles × 12 stages: every label and cell fits in the
/// picture, column labels are far enough apart not to overlap, and every
/// cell links to its role with a title naming role, stage and level.
@Suite struct HeatmapTests {
    static func writeLargeHandbook(in scratch: Scratch) throws {
        let stages = (1...12).map { "stage-\($0)" }
        var files: [String: String] = [
            "handbook.yaml": "title: Large\nlifecycle: [\(stages.joined(separator: ", "))]\n",
        ]
        for (index, stage) in stages.enumerated() {
            files["stages/\(stage).md"] = "---\nname: Stage number \(index + 1) with a long name\nquestion: Q?\noutput: O.\n---\n"
        }
        let levels = ["lead", "support", "consult"]
        for role in 1...30 {
            var engagement = ""
            for (index, stage) in stages.enumerated() where (index + role) % 4 != 0 {
                engagement += "  \(stage): \(index % 30 == role - 1 || (role > 12 && index == 0) ? "lead" : levels[(index + role) % 3])\n"
            }
            files["roles/role-\(role).md"] = "---\nname: Role \(role) with a rather long descriptive name\npurpose: P.\nengagement:\n\(engagement)---\n"
        }
        for (path, text) in files {
            let url = scratch.url.appendingPathComponent("content/" + path)
            try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
            try text.write(to: url, atomically: true, encoding: .utf8)
        }
    }

    @Test func thirtyRolesAndTwelveStagesFitWithoutOverlap() throws {
        let scratch = try Scratch()
        try Self.writeLargeHandbook(in: scratch)
        let run = try Run(["build", "--content", "content", "--output", "public", "--format", "json"], in: scratch.url)
        #expect(run.status == 0, "\(run.stdout)")
        let svg = try String(contentsOfFile: scratch.path("public/heatmap.svg"), encoding: .utf8)
        let numbers = { (name: String) in SiteTree.attribute(name, in: svg).compactMap { Int($0) } }
        let width = numbers("width").first ?? 0
        let height = numbers("height").first ?? 0
        // 30 columns, one per role, each translated to its place; the rotated label sits at the column's centre (22).
        let labelXs = svg.components(separatedBy: "<g transform=\"translate(").dropFirst().compactMap { Int($0.prefix { $0 != ")" }) }.map { $0 + 22 }
        #expect(labelXs.count == 30)
        #expect(svg.components(separatedBy: "transform=\"rotate(-45 22 ").count - 1 == 30)
        let spacing = zip(labelXs, labelXs.dropFirst()).map { $1 - $0 }
        // Perpendicular distance between 45° baselines is spacing × sin 45°; the font is 12 px.
        #expect(spacing.allSatisfy { Double($0) * 0.7071 >= 24 })
        // Every rect and cell inside the picture.
        let rectXs = numbers("x"), rectWidths = numbers("width").dropFirst()
        #expect(rectXs.allSatisfy { $0 >= 0 && $0 < width })
        #expect(rectWidths.allSatisfy { $0 > 0 })
        #expect(numbers("y").allSatisfy { $0 >= 0 && $0 <= height })
        // The last column's label (26 characters at most, 7.5 px each, at 45°) ends inside the width.
        #expect(Double(labelXs.last!) + 26 * 7.5 * 0.7071 <= Double(width))
        // Four cells drawn once (and four in the legend); each of the 360 cells is a <use> of one.
        #expect(svg.components(separatedBy: "<rect ").count - 1 == 4 + 4)
        #expect(svg.components(separatedBy: "<use xlink:href=\"#hm-").count - 1 == 30 * 12)
        #expect(svg.utf8.count / (30 * 12) < 150, "\(svg.utf8.count / (30 * 12)) bytes per cell")
        // One link per column (and per stage label), titled with the role's full name.
        #expect(svg.contains("<title>Role 1 with a rather long descriptive name</title>"))
        #expect(svg.contains(">Role 10 with a rather lon…</text>"))
    }
}
