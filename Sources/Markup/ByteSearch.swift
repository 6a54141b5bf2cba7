#if canImport(Glibc)
import Glibc
#endif

/// Fast tests for a short byte pattern in a body's UTF-8, for the checks
/// most bodies fail at once (`[!` for alerts, `{{` for template syntax):
/// memchr on the contiguous bytes, not a generic walk over the UTF-8 view.
enum ByteSearch {
    /// Whether `text` holds `first` immediately followed by `second`.
    static func contains(_ text: String, _ first: UInt8, _ second: UInt8) -> Bool {
        var text = text
        return text.withUTF8 { bytes in
            guard let base = bytes.baseAddress, bytes.count >= 2 else { return false }
            var offset = 0
            while offset < bytes.count - 1 {
                guard let hit = memchr(base + offset, Int32(first), bytes.count - 1 - offset) else { return false }
                let index = UnsafeRawPointer(hit).assumingMemoryBound(to: UInt8.self) - base
                if base[index + 1] == second { return true }
                offset = index + 1
            }
            return false
        }
    }
}
