import Diagnostics

/// portfolio.yaml (FORMAT.md, A portfolio of handbooks): several teams'
/// handbooks, each a folder with its own `content/` beside this file, and
/// what every product must make true.
public struct Portfolio: Sendable {
    /// A gate every contract into a stage must have.
    public struct GateConstraint: Sendable {
        /// A stage id, or `last` (each handbook's last lifecycle stage).
        public var into: Located<String>
        /// The regular expression a gate must match, as written.
        public var matching: Located<String>

        public init(into: Located<String>, matching: Located<String>) {
            self.into = into
            self.matching = matching
        }
    }

    public var file: String
    public var title: String = ""
    /// The handbooks' folders, relative to the portfolio's folder, in order.
    public var handbooks: [Located<String>] = []
    /// `constraints.objects_agree`: one governed object id, one definition.
    public var objectsAgree = false
    /// `constraints.risks`: the risks every handbook names an owner for.
    public var risks: [Settings.Risk] = []
    public var gates: [GateConstraint] = []

    public init(file: String) { self.file = file }
}
