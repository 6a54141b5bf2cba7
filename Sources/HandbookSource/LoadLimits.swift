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

    /// Parses `NAME=VALUE` settings; returns the first bad one's message.
    public mutating func apply(_ settings: [String]) -> String? {
        for setting in settings {
            let parts = setting.split(separator: "=", maxSplits: 1).map(String.init)
            guard parts.count == 2, let value = Int(parts[1]), value > 0 else {
                return "'\(setting)' is not a limit: use NAME=VALUE with a positive number"
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
