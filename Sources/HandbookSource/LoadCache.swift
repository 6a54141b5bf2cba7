#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import Diagnostics
import HandbookModel
import Markup

/// Parsed files kept between loads of the same folder (`handoff serve`): a
/// file is parsed again only when its size, modification time or inode
/// changed, or the options it was parsed with did. The previous load's plan
/// is kept too: when a watcher names the files that changed and they are
/// existing content files edited in place, only those are read again.
public final class LoadCache: @unchecked Sendable {
    struct Stamp: Equatable {
        var size: Int
        var seconds: Int
        var nanoseconds: Int
        var inode: UInt
        var options: String
    }

    /// The previous full load, to patch.
    struct Last {
        var path: String
        var options: String
        var settingsDiagnostics: [Diagnostic]
        /// The handbook as loaded (assets apart).
        var merged: Handbook
        var plan: HandbookLoader.Plan
        var outcomes: [HandbookLoader.Outcome]
        var assets: [String: Asset]
        var refusedAssets: Set<String>
        var assetDiagnostics: [Diagnostic]
        /// Each job's place in `plan.jobs + plan.strays`, by path.
        let positions: [String: Int]

        init(path: String, options: String, settingsDiagnostics: [Diagnostic], merged: Handbook, plan: HandbookLoader.Plan,
             outcomes: [HandbookLoader.Outcome], assets: [String: Asset], refusedAssets: Set<String>, assetDiagnostics: [Diagnostic]) {
            self.path = path
            self.options = options
            self.settingsDiagnostics = settingsDiagnostics
            self.merged = merged
            self.plan = plan
            self.outcomes = outcomes
            self.assets = assets
            self.refusedAssets = refusedAssets
            self.assetDiagnostics = assetDiagnostics
            positions = Dictionary(uniqueKeysWithValues: (plan.jobs + plan.strays).enumerated().map { ($1.path, $0) })
        }
    }

    private let lock = MutexLock()
    /// Each file's stamp, outcome, and the file set its links were rendered
    /// against (which matters only when the outcome `dependsOnFiles`).
    private var entries: [String: (stamp: Stamp, outcome: HandbookLoader.Outcome, files: Int)] = [:]
    private var last: Last?

    public init() {}

    /// How many files the last load parsed (rather than took from the cache).
    public private(set) var parsed = 0

    /// The part of a stamp that is the same for every file of one load.
    static func options(limits: LoadLimits, renderHTML: Bool, rawHTML: RawHTMLPolicy) -> String {
        "\(rawHTML)|\(renderHTML)|\(limits)"
    }

    static func stamp(_ path: String, options: String) -> Stamp? {
        var info = stat()
        guard stat(path, &info) == 0 else { return nil }
        return Stamp(size: Int(info.st_size), seconds: Int(info.st_mtim.tv_sec), nanoseconds: Int(info.st_mtim.tv_nsec),
                     inode: UInt(info.st_ino), options: options)
    }

    /// - Parameter fileSet: `files.hashValue`, worked out once per load by
    ///   the caller (hashing every path for every file was quadratic: 4.7 s
    ///   for the first load of 10,000 files).
    func outcome(for job: HandbookLoader.Job, options: String, files: ContentFiles, fileSet: Int) -> HandbookLoader.Outcome {
        guard let stamp = Self.stamp(job.path, options: "\(job.kind)|\(job.id)|\(job.file)|\(job.joins)|" + options) else {
            return HandbookLoader.load(job, files: files)
        }
        lock.lock()
        let cached = entries[job.path]
        lock.unlock()
        if let cached, cached.stamp == stamp, !cached.outcome.dependsOnFiles || cached.files == fileSet { return cached.outcome }
        let outcome = HandbookLoader.load(job, files: files)
        lock.lock()
        entries[job.path] = (stamp, outcome, fileSet)
        parsed += 1
        lock.unlock()
        return outcome
    }

    /// Keeps a full load to patch, and forgets files that are gone.
    func remember(_ load: Last) {
        let paths = Set((load.plan.jobs + load.plan.strays).map(\.path))
        lock.lock()
        entries = entries.filter { paths.contains($0.key) }
        last = load
        lock.unlock()
    }

    /// The previous load with the `changed` files read again, or nil when
    /// the change is more than content files edited in place (the caller
    /// then lists the folders). A changed path that names nothing now and
    /// named nothing before (an editor's swap or backup file) is ignored.
    func reload(path: String, limits: LoadLimits, renderHTML: Bool, changed: Set<String>) -> HandbookLoader.Result? {
        lock.lock()
        let previous = last
        lock.unlock()
        guard var previous, previous.path == path,
              previous.options == Self.options(limits: limits, renderHTML: renderHTML, rawHTML: previous.plan.options.rawHTML) else { return nil }
        let jobs = previous.plan.jobs + previous.plan.strays
        let position = previous.positions
        var edited: [Int] = []
        for file in changed {
            if let offset = position[file] {
                guard FileSystem.kind(of: file) == .regularFile, !FileSystem.isSymlink(file) else { return nil }
                edited.append(offset)
            } else if FileSystem.exists(file) || file == path + "/handbook.yaml" || !file.hasPrefix(path + "/") {
                return nil
            }
        }
        edited.sort()
        let options = previous.options
        let files = previous.plan.files
        let fileSet = files.hashValue
        let fresh = edited.concurrentMap { offset in outcome(for: jobs[offset], options: options, files: files, fileSet: fileSet) }
        for (offset, outcome) in zip(edited, fresh) { previous.outcomes[offset] = outcome }
        // Patch the handbook: each edited file's entity replaced (or, if it no longer loads, marked unreadable).
        var handbook = previous.merged
        for offset in edited where jobs[offset].joins {
            let job = jobs[offset]
            handbook.remove(job.kind, job.id)
            if let entity = previous.outcomes[offset].entity {
                handbook.add(entity)
                handbook.unreadable[job.kind]?.remove(job.id)
            } else {
                handbook.unreadable[job.kind, default: []].insert(job.id)
            }
        }
        HandbookLoader.applyPageRules(&handbook)
        previous.merged = handbook
        var diagnostics = previous.settingsDiagnostics + previous.plan.diagnostics
        diagnostics.reserveCapacity(diagnostics.count + previous.outcomes.reduce(0) { $0 + $1.diagnostics.count })
        for outcome in previous.outcomes where !outcome.diagnostics.isEmpty { diagnostics += outcome.diagnostics }
        handbook.assets = previous.assets
        handbook.refusedAssets = previous.refusedAssets
        lock.lock()
        last = previous
        lock.unlock()
        let prefix = path + "/"
        let reparsed = Set(edited.map { String(jobs[$0].path.dropFirst(prefix.count)) })
        return HandbookLoader.Result(handbook: handbook, diagnostics: diagnostics + previous.assetDiagnostics, reparsed: .files(reparsed))
    }

    /// Drops the previous load (a full load is under way).
    func forget() {
        lock.lock()
        last = nil
        lock.unlock()
    }

    public func resetCount() {
        lock.lock()
        parsed = 0
        lock.unlock()
    }
}
