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
import FuzzSupport

/// Outside fuzz builds: replays inputs through the harness (scripts/fuzz, tests).
@main
struct FuzzLoaderReplay {
    static func main() throws { try FuzzReplay.run(fuzzLoader) }
}
#endif
