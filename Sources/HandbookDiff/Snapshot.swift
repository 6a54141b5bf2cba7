import Diagnostics
import HandbookModel

/// One side of a diff: a loaded handbook, its diagnostics, and the raw bytes
/// of its content files (content-relative path → bytes) for renames.
public struct Snapshot: Sendable {
    public var handbook: Handbook
    public var diagnostics: [Diagnostic]
    public var files: [String: [UInt8]]

    public init(handbook: Handbook, diagnostics: [Diagnostic], files: [String: [UInt8]]) {
        self.handbook = handbook
        self.diagnostics = diagnostics
        self.files = files
    }

    /// A handbook that does not exist yet.
    public static func empty(root: String) -> Snapshot {
        Snapshot(handbook: Handbook(root: root), diagnostics: [], files: [:])
    }

    var exists: Bool { handbook.settings != nil || !files.isEmpty }
}
