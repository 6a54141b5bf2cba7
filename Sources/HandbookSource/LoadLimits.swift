import Markup

/// Limits on what the loader reads; defaults no real handbook reaches.
public struct LoadLimits: Sendable, Equatable {
    /// Bytes of one content file (front matter and body).
    public var fileBytes = 4 * 1024 * 1024
    /// Bytes of one asset (an image, a PDF...), copied into the site as it is.
    public var assetBytes = 100 * 1024 * 1024
    public var markdown = MarkdownLimits()

    public init() {}

    public static var names: [String] { ["file-bytes", "asset-bytes"] + MarkdownLimits.names }

    /// A count, or a size with a unit: `2MB`, `512KB`, `1GB` (binary: 1 KB = 1,024 bytes; KiB, K and the like too).
    static func number(_ text: String) -> Int? {
        let trimmed = text.trimmingCharacters(in: " ")
        if let plain = Int(trimmed) { return plain }
        let digits = trimmed.prefix { $0.isASCII && $0.isNumber }
        guard !digits.isEmpty, let amount = Int(digits) else { return nil }
        let unit = trimmed.dropFirst(digits.count).trimmingCharacters(in: " ").uppercased()
        let factors: [String: Int] = ["K": 1 << 10, "KB": 1 << 10, "KIB": 1 << 10, "M": 1 << 20, "MB": 1 << 20, "MIB": 1 << 20,
                                      "G": 1 << 30, "GB": 1 << 30, "GIB": 1 << 30]
        guard let factor = factors[unit] else { return nil }
        let (product, overflow) = amount.multipliedReportingOverflow(by: factor)
        return overflow ? nil : product
    }

    /// Parses `NAME=VALUE` settings; returns the first bad one's message.
    public mutating func apply(_ settings: [String]) -> String? {
        for setting in settings {
            let parts = setting.split(separator: "=", maxSplits: 1).map(String.init)
            guard parts.count == 2, let value = Self.number(parts[1]), value > 0 else {
                return "'\(setting)' is not a limit: use NAME=VALUE with a positive number (KB, MB and GB allowed: body-bytes=2MB)"
            }
            if parts[0] == "file-bytes" {
                fileBytes = value
            } else if parts[0] == "asset-bytes" {
                assetBytes = value
            } else if !markdown.set(parts[0], value) {
                return "unknown limit '\(parts[0])': expected one of \(Self.names.joined(separator: ", "))"
            }
        }
        return nil
    }
}
