import Diagnostics
import Testing

/// The one JSON writer behind `--format json|sarif` and `diff --format json`,
/// and the one percent-encoder.
@Suite struct JSONTests {
    struct Inner: Encodable {
        var name: String
        var count: Int
    }
    struct Outer: Encodable {
        var zeta: String
        var alpha: [Inner]
        var empty: [Int]
        var missing: String?
        var flags: [Bool]
        var nested: [String: [Int]]
        func encode(to encoder: any Encoder) throws {
            var c = encoder.container(keyedBy: CodingKeys.self)
            try c.encode(zeta, forKey: .zeta)
            try c.encode(alpha, forKey: .alpha)
            try c.encode(empty, forKey: .empty)
            try c.encode(missing, forKey: .missing)
            try c.encode(flags, forKey: .flags)
        }
        enum CodingKeys: String, CodingKey { case zeta, alpha, empty, missing, flags }
    }

    @Test func keysKeepTheirOrderAndStringsAreEscapedNotSlashes() {
        let value = Outer(zeta: "a/b \"q\"\n\u{1}\u{2028}", alpha: [Inner(name: "x", count: -2), Inner(name: "é", count: 0)],
                          empty: [], missing: nil, flags: [true, false], nested: [:])
        #expect(JSON.encode(value, expandedDepth: 1) == """
            {
              "zeta": "a/b \\"q\\"\\n\\u0001\\u2028",
              "alpha": [
                {"name": "x", "count": -2},
                {"name": "é", "count": 0}
              ],
              "empty": [],
              "missing": null,
              "flags": [true, false]
            }

            """)
        #expect(JSON.encode(value, expandedDepth: 0) == """
            {"zeta": "a/b \\"q\\"\\n\\u0001\\u2028", "alpha": [{"name": "x", "count": -2}, {"name": "é", "count": 0}], "empty": [], "missing": null, "flags": [true, false]}

            """)
    }

    @Test func percentEncodingKeepsOnlyWhatItIsTold() {
        #expect(PercentEncoding.encode("content/pages/50%,a b~é.md", keeping: PercentEncoding.pathCharacters)
                == "content/pages/50%25%2Ca%20b~%C3%A9.md")
        #expect(PercentEncoding.encode("a~b/c-d_e.f", keeping: PercentEncoding.fragmentCharacters) == "a%7Eb%2Fc-d_e.f")
    }
}
