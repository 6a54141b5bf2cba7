import HandbookSource

/// Loads a folder without checking, for tests of what the loader reads.
enum HandbookSourceProbe {
    static func load(_ path: String) throws -> HandbookLoader.Result {
        try HandbookLoader.load(path: path, displayRoot: "content")
    }
}
