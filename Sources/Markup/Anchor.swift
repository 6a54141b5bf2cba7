/// GitHub-style heading anchors: lowercase, punctuation dropped, spaces to
/// hyphens (`# How we work` → `how-we-work`); repeats get `-1`, `-2`.
public enum Anchor {
    public static func slug(_ text: String) -> String {
        var out = String.UnicodeScalarView()
        for scalar in text.lowercased().unicodeScalars {
            let properties = scalar.properties
            if scalar == " " {
                out.append("-")
            } else if scalar == "-" || scalar == "_" || properties.isAlphabetic || properties.numericType != nil
                        || properties.generalCategory == .nonspacingMark || properties.generalCategory == .spacingMark
                        || properties.generalCategory == .connectorPunctuation {
                out.append(scalar)
            }
        }
        return String(out)
    }
}

/// Hands out unique anchors in document order, as GitHub does.
public struct AnchorSet: Sendable {
    private var used: [String: Int] = [:]

    public init(reserved: [String] = []) {
        for anchor in reserved { used[anchor] = 0 }
    }

    public mutating func claim(_ slug: String) -> String {
        guard let count = used[slug] else {
            used[slug] = 0
            return slug
        }
        var next = count + 1
        while used["\(slug)-\(next)"] != nil { next += 1 }
        used[slug] = next
        used["\(slug)-\(next)"] = 0
        return "\(slug)-\(next)"
    }
}
