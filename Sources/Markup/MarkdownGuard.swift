/// A resource guard in front of cmark-gfm. Debian's libcmark-gfm
/// (0.29.0.gfm.6) predates fixes for polynomial-time inputs; measured here:
/// a table 3,000 columns wide took 15.8 s and 2.2 GB (cells = columns × rows),
/// `![[]()` repeated 30,000 times 1.5 s, `a@` repeated 100,000 times 0.3 s
/// (both quadratic). One linear pass over the bytes checks the limits below
/// and turns such a body into a diagnostic before cmark sees it. Defaults sit
/// far above any real handbook page; `handoff --limit NAME=VALUE` raises them.
public struct MarkdownLimits: Sendable, Equatable {
    /// Bytes of a body.
    public var bodyBytes = 4 * 1024 * 1024
    /// Columns of one table.
    public var tableColumns = 200
    /// Cells of one table (columns × rows, as cmark allocates them).
    public var tableCells = 50_000
    /// Nested containers (block quotes, list items) on one line.
    public var nesting = 64
    /// Occurrences of any one inline marker character (`[ ] ( ) < > ! @ * _ ~ `` `)
    /// in a body: the quadratic inline shapes all repeat one of them.
    public var inlineMarkers = 10_000

    public init() {}

    public static let names = ["body-bytes", "table-columns", "table-cells", "nesting", "inline-markers"]

    /// Sets a limit by name; false for an unknown name.
    public mutating func set(_ name: String, _ value: Int) -> Bool {
        switch name {
        case "body-bytes": bodyBytes = value
        case "table-columns": tableColumns = value
        case "table-cells": tableCells = value
        case "nesting": nesting = value
        case "inline-markers": inlineMarkers = value
        default: return false
        }
        return true
    }
}

public enum MarkdownGuard {
    public struct Violation: Sendable, Equatable {
        /// 1-based line within the body (column 1).
        public var line: Int
        public var message: String
    }

    static let markers: [UInt8] = Array("[]()<>!@*_~`".utf8)

    /// The first limit the body breaks, or nil.
    public static func check(_ markdown: String, limits: MarkdownLimits) -> Violation? {
        let bytes = markdown.utf8
        if bytes.count > limits.bodyBytes {
            return Violation(line: 1, message: "the body is \(bytes.count) bytes, over the limit of \(limits.bodyBytes) (raise it with --limit body-bytes=N)")
        }
        var counts = [Int](repeating: 0, count: 256)
        var isMarker = [Bool](repeating: false, count: 256)
        for m in markers { isMarker[Int(m)] = true }
        var lineNumber = 1
        var table: (start: Int, columns: Int, rows: Int)?
        var previousLine: ArraySlice<UInt8> = []
        var violation: Violation?
        let all = Array(bytes)
        var start = 0
        func finishTable() {
            if let t = table, violation == nil, t.columns * t.rows > limits.tableCells {
                violation = Violation(line: t.start, message: "a table of \(t.columns) columns × \(t.rows) rows has \(t.columns * t.rows) cells, over the limit of \(limits.tableCells) (raise it with --limit table-cells=N)")
            }
            table = nil
        }
        while start <= all.count && violation == nil {
            var end = start
            while end < all.count && all[end] != 0x0A && all[end] != 0x0D { end += 1 }
            let line = all[start..<end]
            for byte in line where isMarker[Int(byte)] { counts[Int(byte)] += 1 }
            if let depth = Optional(nestingDepth(line)), depth > limits.nesting {
                violation = Violation(line: lineNumber, message: "\(depth) nested block quotes or list items on one line, over the limit of \(limits.nesting) (raise it with --limit nesting=N)")
                break
            }
            let blank = line.allSatisfy { $0 == 0x20 || $0 == 0x09 }
            if table != nil {
                if blank { finishTable() } else { table!.rows += 1 }
            } else if let columns = delimiterColumns(line), !previousLine.isEmpty, !previousLine.allSatisfy({ $0 == 0x20 || $0 == 0x09 }) {
                if columns > limits.tableColumns {
                    violation = Violation(line: lineNumber, message: "a table with \(columns) columns, over the limit of \(limits.tableColumns) (raise it with --limit table-columns=N)")
                    break
                }
                table = (lineNumber - 1, columns, 2) // header and delimiter rows
            }
            previousLine = line
            // Next line: \n, \r\n or a lone \r.
            if end < all.count, all[end] == 0x0D, end + 1 < all.count, all[end + 1] == 0x0A { end += 1 }
            start = end + 1
            lineNumber += 1
        }
        finishTable()
        if let violation { return violation }
        for m in markers where counts[Int(m)] > limits.inlineMarkers {
            let shown = m == UInt8(ascii: "`") ? "backtick" : "'\(Character(Unicode.Scalar(m)))'"
            return Violation(line: 1, message: "the body has \(counts[Int(m)]) \(shown) characters, over the limit of \(limits.inlineMarkers) (raise it with --limit inline-markers=N)")
        }
        return nil
    }

    /// Container markers opening a line: `>` and list markers (`-`, `+`,
    /// `*`, `1.`, `1)`) each followed by a space, and indentation (2 columns
    /// a level, as deeply indented lists nest).
    static func nestingDepth(_ line: ArraySlice<UInt8>) -> Int {
        var depth = 0
        var i = line.startIndex
        var indent = 0
        while i < line.endIndex {
            let byte = line[i]
            if byte == 0x20 { indent += 1; i += 1; continue }
            if byte == 0x09 { indent += 4; i += 1; continue }
            if byte == UInt8(ascii: ">") { depth += 1; i += 1; continue }
            if byte == UInt8(ascii: "-") || byte == UInt8(ascii: "+") || byte == UInt8(ascii: "*") {
                let next = i + 1
                if next == line.endIndex || line[next] == 0x20 || line[next] == 0x09 { depth += 1; i += 1; continue }
                break
            }
            if byte >= 0x30 && byte <= 0x39 {
                var j = i
                while j < line.endIndex && line[j] >= 0x30 && line[j] <= 0x39 && j - i < 9 { j += 1 }
                if j < line.endIndex, line[j] == UInt8(ascii: ".") || line[j] == UInt8(ascii: ")"),
                   j + 1 == line.endIndex || line[j + 1] == 0x20 || line[j + 1] == 0x09 {
                    depth += 1
                    i = j + 1
                    continue
                }
            }
            break
        }
        return depth + indent / 2
    }

    /// The column count of a GFM table delimiter row (`| --- | :-: |`), or nil.
    static func delimiterColumns(_ line: ArraySlice<UInt8>) -> Int? {
        var columns = 0
        var inCell = false
        var sawDash = false
        var pipes = 0
        for byte in line {
            switch byte {
            case UInt8(ascii: "|"):
                pipes += 1
                if inCell { guard sawDash else { return nil }; columns += 1 }
                inCell = false
                sawDash = false
            case UInt8(ascii: "-"):
                inCell = true
                sawDash = true
            case UInt8(ascii: ":"):
                inCell = true
            case 0x20, 0x09:
                continue
            default:
                return nil
            }
        }
        if inCell { guard sawDash else { return nil }; columns += 1 }
        guard columns > 0, pipes > 0 || columns == 1 else { return nil }
        return pipes == 0 ? nil : columns
    }
}
