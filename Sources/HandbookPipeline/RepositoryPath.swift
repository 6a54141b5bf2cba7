#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif
import HandbookModel

/// The content folder's path inside its git repository, for "Edit this
/// page" links; the folder's own name when it is not in one.
package enum RepositoryPath {
    /// The working folder's path from the repository root ("" at the root
    /// or outside a repository), so that paths relative to the working
    /// folder become relative to the repository root (SARIF).
    package static func ofWorkingFolder() -> String {
        let cwd = URL(fileURLWithPath: FileManager.default.currentDirectoryPath).standardizedFileURL.resolvingSymlinksInPath().path
        return inRepository(cwd) ?? ""
    }

    package static func of(_ content: String) -> String {
        let absolute = URL(fileURLWithPath: content).standardizedFileURL.path
        return inRepository(absolute) ?? PathText.lastComponent(absolute)
    }

    /// The path of `absolute` from the nearest enclosing git repository's
    /// root ("" at the root), or nil outside any repository.
    package static func inRepository(_ absolute: String) -> String? {
        var folder = absolute
        while folder != "/" && !folder.isEmpty {
            if FileManager.default.fileExists(atPath: folder + "/.git") {
                return folder == absolute ? "" : String(absolute.dropFirst(folder.count + 1))
            }
            folder = PathText.deletingLastComponent(folder)
        }
        return nil
    }
}
