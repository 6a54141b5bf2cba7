import CCmarkGFM

/// The version of the cmark-gfm library handoff is linked against.
public enum CmarkVersion {
    public static var string: String { String(cString: cmark_version_string()) }
}
