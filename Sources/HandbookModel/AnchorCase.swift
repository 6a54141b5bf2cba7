/// GitHub resolves a link's `#fragment` to an anchor that differs only in
/// letter case (`#Requirements` lands on `#requirements`); so does handoff,
/// and the built link uses the anchor's exact spelling.
public enum AnchorCase {
    /// The anchor `fragment` names: itself when present, else the one equal
    /// to it when letter case is ignored (the first in sorted order), else nil.
    public static func match<C: Collection>(_ fragment: String, in anchors: C) -> String? where C.Element == String {
        if anchors.contains(fragment) { return fragment }
        let lower = fragment.lowercased()
        return anchors.filter { $0.lowercased() == lower }.min()
    }
}
