import HandbookCheck
import HandbookModel
import HandbookSource

// libFuzzer target: the front matter and model loader. The first byte picks
// the kind of file (or handbook.yaml); the rest is the file. Any crash, hang
// or sanitizer report is a finding. Build and run with scripts/fuzz.

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzLoader(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
    guard size > 0 else { return 0 }
    let bytes = Array(UnsafeBufferPointer(start: data + 1, count: size - 1))
    let kinds = EntityKind.allCases
    let selector = Int(data[0]) % (kinds.count + 1)
    if selector == kinds.count {
        _ = HandbookLoader.loadSettings(bytes, file: "content/handbook.yaml")
        return 0
    }
    let kind = kinds[selector]
    var loaded = HandbookLoader.loadFile(bytes, kind: kind, id: "fuzz", file: "content/\(kind.rawValue)/fuzz.md")
    loaded.handbook.settings = Settings(file: "content/handbook.yaml", title: "Fuzz")
    _ = HandbookChecker.finish(loaded.handbook, loadDiagnostics: loaded.diagnostics)
    return 0
}

#if !FUZZING
import Foundation

/// Outside fuzz builds: replays inputs (files or folders of files) through
/// the harness, so that a corpus or a crash becomes a regression run.
@main
struct FuzzLoaderReplay {
    static func main() throws {
        var count = 0
        for argument in CommandLine.arguments.dropFirst() {
            var isDirectory: ObjCBool = false
            guard FileManager.default.fileExists(atPath: argument, isDirectory: &isDirectory) else { continue }
            let files = isDirectory.boolValue
                ? try FileManager.default.contentsOfDirectory(atPath: argument).sorted().map { argument + "/" + $0 }
                : [argument]
            for file in files {
                let bytes = [UInt8](FileManager.default.contents(atPath: file) ?? Data())
                _ = bytes.withUnsafeBufferPointer { buffer in
                    fuzzLoader(buffer.baseAddress ?? UnsafePointer(bitPattern: 1)!, buffer.count)
                }
                count += 1
            }
        }
        print("replayed \(count) inputs")
    }
}
#endif
