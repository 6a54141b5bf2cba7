import Diagnostics
import HandbookModel
import Markup

/// Listing the content folder: which files to parse, and what the listing reports.
extension HandbookLoader {
    /// What the kind folders hold: the files to parse, and what the listing
    /// itself reports (symlinks, subfolders, names that are no ids).
    struct Plan {
        struct Options {
            var limits: LoadLimits
            var rawHTML: RawHTMLPolicy
            var renderHTML: Bool
        }

        let options: Options
        var jobs: [Job] = []
        var strays: [Job] = []
        var fileCount = 0
        var contentFiles: [String: String] = [:]
        var unreadable: [EntityKind: Set<String>] = [:]
        var diagnostics: [Diagnostic] = []
        /// Every page's address (`pages/ops/index.html`), folder pages included.
        var pageAddresses: Set<String> = []
        var files = ContentFiles()

        init(options: Options) { self.options = options }

        mutating func refuseSymlinkedFolder(_ kind: EntityKind, display: (String) -> String) {
            diagnostics.append(Diagnostic(.unsafeInput, "'\(kind.rawValue)' is a symlink: content folders are read only where they are",
                                          at: .start(of: display(kind.rawValue))))
        }

        /// One `stray-markdown` warning per folder outside the kind folders
        /// that holds Markdown (the content folder's own README aside).
        mutating func reportStray(_ stray: [String: [String]], display: (String) -> String) {
            for folder in stray.keys.sorted() {
                // The content folder's own README (what the folder is, for GitHub readers) is expected there.
                let files = stray[folder]!.filter { folder != "" || PagePath.split($0).name.lowercased() != "readme.md" }
                guard let first = files.sorted(by: { $0.utf8.lexicographicallyPrecedes($1.utf8) }).first else { continue }
                let name = folder.isEmpty ? "the content folder" : "'\(folder)/'"
                diagnostics.append(Diagnostic(.strayMarkdown,
                    "\(name) holds \(counted(files.count, "Markdown file")) that \(files.count == 1 ? "is" : "are") not read: pages go under pages/",
                    at: .start(of: display(first)),
                    notes: [.init(folder.isEmpty ? "move \(files.count == 1 ? "it" : "them") into pages/ (content/pages/)"
                                  : "move the folder into pages/ (content/pages/\(folder)/) to publish \(files.count == 1 ? "it" : "them") as pages")]))
            }
        }

        mutating func add(_ kind: EntityKind, found: [ContentWalk.Found], path: String, display: (String) -> String) {
            var pageSources: [String: String] = [:]
            for found in found {
                fileCount += 1
                let file = display(found.relative)
                if let problem = found.problem {
                    diagnostics.append(Diagnostic(.unsafeInput, problem, at: .start(of: file)))
                    if kind != .pages, found.name.hasSuffix(".md"), found.depth == 1, EntityID.isValid(String(found.name.dropLast(3))) {
                        unreadable[kind, default: []].insert(String(found.name.dropLast(3)))
                        contentFiles[found.relative] = file
                    }
                    continue
                }
                if kind == .pages {
                    addPage(found, file: file, path: path, sources: &pageSources)
                    continue
                }
                let ext = PagePath.markdownExtension(found.name) ?? ".md"
                let id = String(found.name.dropLast(ext.count))
                var job = Job(kind: kind, id: id, path: path + "/" + found.relative, file: file, limits: options.limits,
                              rawHTML: options.rawHTML, renderHTML: options.renderHTML)
                if found.depth > 1 {
                    diagnostics.append(Diagnostic(.invalidID, "'\(found.relative)' is in a subfolder: ids are flat, so content files sit directly in '\(kind.rawValue)/'",
                                                  at: .start(of: file)))
                    job.joins = false
                    strays.append(job)
                    continue
                }
                if ext != ".md" {
                    diagnostics.append(Diagnostic(.invalidID, "file name '\(found.name.displayEscaped)' ends in '\(ext)': content files end in '.md'",
                                                  at: .start(of: file), notes: [.init("rename it to '\(id).md'")]))
                    job.joins = false
                    strays.append(job)
                    continue
                }
                guard EntityID.isValid(id) else {
                    let log = DiagnosticLog(file: file)
                    Fields.reportInvalidID(id, at: .start(of: file), log: log)
                    var items = log.items
                    items[0].message = "file name '\(found.name.displayEscaped)' is not a valid id: use lowercase letters, digits and hyphens, starting with a letter or digit, at most 64 characters"
                    diagnostics += items
                    job.joins = false
                    strays.append(job)
                    continue
                }
                contentFiles[found.relative] = file
                jobs.append(job)
            }
        }

        /// A page of the tree: its id mirrors its path; a folder's README,
        /// index or _index is the folder's page; a second file for the same
        /// address is `invalid-id`.
        mutating func addPage(_ found: ContentWalk.Found, file: String, path: String, sources: inout [String: String]) {
            let inPages = String(found.relative.dropFirst("pages/".count))
            var job = Job(kind: .pages, id: "", path: path + "/" + found.relative, file: file, limits: options.limits,
                          rawHTML: options.rawHTML, renderHTML: options.renderHTML)
            if let problem = PagePath.problem(inPages) {
                diagnostics.append(Diagnostic(.invalidID, "'\(found.relative.displayEscaped)' cannot be a page: \(problem)", at: .start(of: file)))
                job.joins = false
                strays.append(job)
                return
            }
            guard let id = PagePath.id(forSource: found.relative) else { return }
            if let first = sources[id] {
                let folder = PagePath.folder(of: id)
                let what = PagePath.isFolderPage(id) ? "a second page for the folder 'pages/\(folder.isEmpty ? "" : folder + "/")'"
                    : "a second file for the page 'pages/\(id).html'"
                diagnostics.append(Diagnostic(.invalidID, "'\(found.relative)' is \(what)", at: .start(of: file),
                                              notes: [.init("'\(first)' is that page", at: .start(of: first))]))
                job.joins = false
                strays.append(job)
                return
            }
            sources[id] = file
            job.id = id
            contentFiles[found.relative] = file
            pageAddresses.insert("pages/" + id + ".html")
            jobs.append(job)
        }
    }
}
