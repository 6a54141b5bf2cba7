/// A file's bytes decoded as UTF-8 (never repaired: the first invalid byte is
/// reported with its line and column) without a leading BOM.
enum SourceText {
    struct InvalidUTF8: Error {
        var line: Int
        var column: Int
        var byte: UInt8

        /// "0xA6"
        var hex: String {
            let digits = String(byte, radix: 16, uppercase: true)
            return "0x" + (digits.count == 1 ? "0" + digits : digits)
        }
    }

    /// "UTF-16 (little-endian)" or "UTF-16 (big-endian)" when the bytes are
    /// UTF-16 text (a byte order mark, or ASCII with every other byte 0), else nil.
    static func utf16(_ bytes: [UInt8]) -> String? {
        if bytes.starts(with: [0xFF, 0xFE]) { return "UTF-16 (little-endian)" }
        if bytes.starts(with: [0xFE, 0xFF]) { return "UTF-16 (big-endian)" }
        let sample = bytes.prefix(64)
        guard sample.count >= 8, sample.count % 2 == 0 else { return nil }
        let even = stride(from: 0, to: sample.count, by: 2).map { sample[sample.startIndex + $0] }
        let odd = stride(from: 1, to: sample.count, by: 2).map { sample[sample.startIndex + $0] }
        if odd.allSatisfy({ $0 == 0 }), even.allSatisfy({ $0 != 0 && $0 < 0x80 }) { return "UTF-16 (little-endian)" }
        if even.allSatisfy({ $0 == 0 }), odd.allSatisfy({ $0 != 0 && $0 < 0x80 }) { return "UTF-16 (big-endian)" }
        return nil
    }

    /// The text with each invalid sequence as U+FFFD, without a leading BOM.
    static func lossy(_ bytes: [UInt8]) -> String {
        let start = bytes.starts(with: [0xEF, 0xBB, 0xBF]) ? 3 : 0
        return String(decoding: bytes[start...], as: UTF8.self)
    }

    /// How many invalid sequences the bytes hold.
    static func invalidCount(_ bytes: [UInt8]) -> Int {
        var count = 0
        var offset = firstInvalidOffset(bytes, from: 0)
        while offset < bytes.count {
            count += 1
            offset = firstInvalidOffset(bytes, from: offset + 1)
        }
        return count
    }

    static func decode(_ bytes: [UInt8]) -> Result<String, InvalidUTF8> {
        var start = 0
        if bytes.count >= 3, bytes[0] == 0xEF, bytes[1] == 0xBB, bytes[2] == 0xBF { start = 3 }
        let content = bytes[start...]
        if let text = String(validating: content, as: UTF8.self) { return .success(text) }
        let offset = firstInvalidOffset(bytes, from: start)
        let (line, column) = TextPosition.of(byte: offset - start, in: bytes[start...])
        return .failure(InvalidUTF8(line: line, column: column, byte: offset < bytes.count ? bytes[offset] : 0))
    }

    /// The offset of the first byte that does not start a valid UTF-8 sequence.
    static func firstInvalidOffset(_ bytes: [UInt8], from start: Int) -> Int {
        var i = start
        while i < bytes.count {
            let b0 = bytes[i]
            let length: Int
            var low: UInt8 = 0x80
            var high: UInt8 = 0xBF
            switch b0 {
            case 0x00...0x7F: i += 1; continue
            case 0xC2...0xDF: length = 2
            case 0xE0: length = 3; low = 0xA0
            case 0xE1...0xEC, 0xEE...0xEF: length = 3
            case 0xED: length = 3; high = 0x9F
            case 0xF0: length = 4; low = 0x90
            case 0xF1...0xF3: length = 4
            case 0xF4: length = 4; high = 0x8F
            default: return i
            }
            guard i + length <= bytes.count else { return i }
            for k in 1..<length {
                let b = bytes[i + k]
                let (lo, hi) = k == 1 ? (low, high) : (UInt8(0x80), UInt8(0xBF))
                guard b >= lo && b <= hi else { return i }
            }
            i += length
        }
        return bytes.count
    }
}
