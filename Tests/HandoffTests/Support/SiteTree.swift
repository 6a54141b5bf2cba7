import Foundation

/// A built site read back from disk: relative path → bytes, and helpers to
/// read the links and ids of its pages.
struct SiteTree: Equatable {
    var files: [String: [UInt8]]

    init(_ root: URL) {
        files = [:]
        let base = root.standardizedFileURL.path
        let enumerator = FileManager.default.enumerator(atPath: base)
        while let relative = enumerator?.nextObject() as? String {
            var isDirectory: ObjCBool = false
            FileManager.default.fileExists(atPath: base + "/" + relative, isDirectory: &isDirectory)
            if !isDirectory.boolValue, let data = FileManager.default.contents(atPath: base + "/" + relative) {
                files[relative] = Array(data)
            }
        }
    }

    func text(_ path: String) -> String { String(decoding: files[path] ?? [], as: UTF8.self) }

    /// A compact, comparable summary (path, size, hash per file) that a
    /// failed expectation can print.
    var fingerprint: String {
        files.keys.sorted().map { path in
            var hash: UInt64 = 0xcbf2_9ce4_8422_2325
            for byte in files[path]! { hash = (hash ^ UInt64(byte)) &* 0x0000_0100_0000_01b3 }
            return "\(path) \(files[path]!.count) \(String(hash, radix: 16))"
        }.joined(separator: "\n")
    }

    var pages: [String] { files.keys.filter { $0.hasSuffix(".html") || $0.hasSuffix(".svg") }.sorted() }

    /// Values of an attribute (`href`, `xlink:href`, `id`), entities decoded.
    static func attribute(_ name: String, in html: String) -> [String] {
        var values: [String] = []
        var rest = html[...]
        let needle = " \(name)=\""
        while let start = rest.range(of: needle) {
            let valueStart = start.upperBound
            guard let end = rest[valueStart...].firstIndex(of: "\"") else { break }
            values.append(decode(String(rest[valueStart..<end])))
            rest = rest[end...]
        }
        return values
    }

    static func decode(_ s: String) -> String {
        s.replacingOccurrences(of: "&quot;", with: "\"").replacingOccurrences(of: "&#39;", with: "'")
            .replacingOccurrences(of: "&lt;", with: "<").replacingOccurrences(of: "&gt;", with: ">")
            .replacingOccurrences(of: "&amp;", with: "&")
    }
}

/// A scratch folder for one test, removed when the test ends.
final class Scratch {
    let url: URL

    init() throws {
        url = FileManager.default.temporaryDirectory.appendingPathComponent("handoff-site-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
    }

    deinit { try? FileManager.default.removeItem(at: url) }

    func path(_ relative: String) -> String { url.appendingPathComponent(relative).path }

    /// Copies a folder into the scratch folder under `name`.
    func copy(_ source: URL, as name: String) throws -> URL {
        let target = url.appendingPathComponent(name)
        try FileManager.default.copyItem(at: source, to: target)
        return target
    }
}
