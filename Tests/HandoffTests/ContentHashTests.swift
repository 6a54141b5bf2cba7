import HandbookSite
import Testing

/// The output manifest's file hash: fixed values (a change of hash makes
/// every build after it write each file once), and every byte counts.
@Suite struct ContentHashTests {
    /// (The values agree with a Python transcription of the function.)
    @Test func knownValues() {
        #expect(String(OutputFolder.contentHash([]), radix: 16) == "1c77bf2c78b96c0f")
        #expect(String(OutputFolder.contentHash(Array("handoff".utf8)), radix: 16) == "27435d0502019600")
    }

    @Test func everyByteAndTheLengthCount() {
        let page = Array("<!DOCTYPE html><title>Role</title><p>Twenty-three bytes and a tail</p>".utf8)
        var seen: Set<UInt64> = [OutputFolder.contentHash(page)]
        for index in page.indices {
            var changed = page
            changed[index] ^= 0x01
            seen.insert(OutputFolder.contentHash(changed))
        }
        #expect(seen.count == page.count + 1)
        // A trailing zero byte is not the same file.
        #expect(OutputFolder.contentHash(page + [0]) != OutputFolder.contentHash(page))
        #expect(OutputFolder.contentHash([0]) != OutputFolder.contentHash([]))
    }
}
