import Foundation

/// Outside fuzz builds, a harness's `main`: replays inputs (files, or folders
/// of files) through it, so that a corpus or a crash becomes a regression run.
public enum FuzzReplay {
    public static func run(_ harness: (UnsafePointer<UInt8>, Int) -> CInt) throws {
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
                    harness(buffer.baseAddress ?? UnsafePointer(bitPattern: 1)!, buffer.count)
                }
                count += 1
            }
        }
        print("replayed \(count) inputs")
    }
}
