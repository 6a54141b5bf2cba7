extension DiagnosticReport {
    /// GitHub Actions workflow commands, one per diagnostic
    /// (`::error file=…,line=…,col=…,title=<rule>::<message>`), then the
    /// summary as a plain line.
    public func github() -> String {
        var out = ""
        for d in diagnostics {
            let level = d.severity == .error ? "error" : "warning"
            var message = d.message
            for note in d.notes {
                message += "\nnote: " + note.message
                if let location = note.location { message += " (\(location))" }
            }
            out += "::\(level) file=\(Self.escapeProperty(d.location.file)),line=\(d.location.line),"
                + "col=\(d.location.column),title=\(Self.escapeProperty(d.rule.rawValue))::\(Self.escapeData(message))\n"
        }
        out += summary + "\n"
        return out
    }

    /// Escaping of a workflow command's message.
    public static func escapeData(_ s: String) -> String {
        s.replacingAll("%", "%25").replacingAll("\r", "%0D").replacingAll("\n", "%0A")
    }

    /// Escaping of a workflow command's property value.
    public static func escapeProperty(_ s: String) -> String {
        escapeData(s).replacingAll(":", "%3A").replacingAll(",", "%2C")
    }
}

extension String {
    /// Replaces a scalar (not a Character: "\r\n" is one Character).
    func replacingAll(_ target: Unicode.Scalar, _ replacement: String) -> String {
        guard unicodeScalars.contains(target) else { return self }
        var out = String.UnicodeScalarView()
        for scalar in unicodeScalars {
            if scalar == target { out.append(contentsOf: replacement.unicodeScalars) } else { out.append(scalar) }
        }
        return String(out)
    }
}
