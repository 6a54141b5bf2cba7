/// The id rule of FORMAT.md: `^[a-z0-9][a-z0-9-]{0,63}$`.
public enum EntityID {
    public static func isValid(_ id: String) -> Bool {
        let bytes = id.utf8
        guard (1...64).contains(bytes.count) else { return false }
        for (index, byte) in bytes.enumerated() {
            switch byte {
            case UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "0")...UInt8(ascii: "9"): continue
            case UInt8(ascii: "-") where index > 0: continue
            default: return false
            }
        }
        return true
    }

    /// A valid id that a mistyped one most likely meant (`Data PM` → `data-pm`),
    /// or nil.
    public static func normalized(_ id: String) -> String? {
        var out = ""
        var lastWasDash = true
        for scalar in id.lowercased().unicodeScalars {
            if ("a"..."z").contains(scalar) || ("0"..."9").contains(scalar) {
                out.unicodeScalars.append(scalar)
                lastWasDash = false
            } else if scalar == " " || scalar == "-" || scalar == "_" {
                if !lastWasDash { out += "-"; lastWasDash = true }
            }
        }
        while out.hasSuffix("-") { out.removeLast() }
        return isValid(out) && out != id ? out : nil
    }
}
