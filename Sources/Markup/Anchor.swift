/// GitHub-style heading anchors: lowercase, then everything but letters,
/// marks, decimal digits, connector punctuation (`_`), `-` and spaces
/// dropped (Ruby's `[^\p{Word}\- ]`, as GitHub's filter), spaces to hyphens
/// (`# How we work` → `how-we-work`); repeats get `-1`, `-2`.
public enum Anchor {
    public static func slug(_ text: String) -> String {
        // ASCII fast path: no Unicode property lookups, no lowercasing copy.
        if text.utf8.allSatisfy({ $0 < 0x80 }) {
            var bytes: [UInt8] = []
            bytes.reserveCapacity(text.utf8.count)
            for byte in text.utf8 {
                switch byte {
                case UInt8(ascii: "A")...UInt8(ascii: "Z"): bytes.append(byte + 32)
                case UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "0")...UInt8(ascii: "9"),
                     UInt8(ascii: "-"), UInt8(ascii: "_"): bytes.append(byte)
                case UInt8(ascii: " "): bytes.append(UInt8(ascii: "-"))
                default: continue
                }
            }
            return String(decoding: bytes, as: UTF8.self)
        }
        var out = String.UnicodeScalarView()
        for scalar in text.lowercased().unicodeScalars {
            if scalar == " " {
                out.append("-")
                continue
            }
            switch scalar.properties.generalCategory {
            case .uppercaseLetter, .lowercaseLetter, .titlecaseLetter, .modifierLetter, .otherLetter,
                 .nonspacingMark, .spacingMark, .enclosingMark, .decimalNumber, .connectorPunctuation:
                out.append(scalar)
            default:
                if scalar == "-" { out.append(scalar) }
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
