/// The outcome of checking a handbook: its diagnostics (sorted, unique) and
/// how many files were read. The printers in `DiagnosticReport+*.swift`
/// turn it into the formats of FORMAT.md.
public struct DiagnosticReport: Sendable {
    public let diagnostics: [Diagnostic]
    public let files: Int

    /// - Parameter root: the content folder as the user names it ("content",
    ///   "../handbook/content"): diagnostics carry paths relative to the
    ///   content folder, and are shown under `root` from here on.
    /// - Parameter placed: diagnostics whose paths are already relative to
    ///   the working folder (the theme's templates).
    public init(diagnostics: [Diagnostic], files: Int, root: String = "", placed: [Diagnostic] = []) {
        self.diagnostics = (diagnostics.map { $0.shown(under: root) } + placed).sortedUnique()
        self.files = files
    }

    public var errors: Int { diagnostics.errorCount }
    public var warnings: Int { diagnostics.warningCount }

    /// "1 error, 1 warning in 19 files"
    public var summary: String {
        "\(counted(errors, "error")), \(counted(warnings, "warning")) in \(counted(files, "file"))"
    }

    /// Exit status: 1 with errors, or with warnings under `strict`; else 0.
    public func exitCode(strict: Bool) -> Int32 {
        if errors > 0 || (strict && warnings > 0) { return 1 }
        return 0
    }
}
