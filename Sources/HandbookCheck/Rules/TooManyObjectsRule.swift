import Diagnostics
import HandbookModel

extension RuleID {
    public static let tooManyObjects = RuleID("too-many-objects", .warning,
        "more than 10 governed objects")
}

/// too-many-objects: more than 10 files in `objects/` (at handbook.yaml 1:1):
/// governing everything is governing nothing.
struct TooManyObjectsRule: HandbookRule {
    /// The kinds whose files this rule reads (handbook.yaml always): the incremental check reruns it only when one changed.
    static let reads: Set<EntityKind> = [.objects]

    static let limit = 10

    static let descriptor = RuleDescriptor(
        .tooManyObjects,
        help: "Governed objects are the five to ten entities the product promises are true, not all of the data. Keep the ones a wrong value would hurt most, and describe the rest as contexts.",
        triggering: [
            RuleExample(Dictionary(uniqueKeysWithValues: (1...11).map { n in
                ("objects/brief-\(n).md", RuleExample.governedObject(replacing: "name: Brief", with: "name: Brief \(n)") as String?)
            }).merging(["handbook.yaml": "1️⃣" + RuleExample.base("handbook.yaml")]) { a, _ in a }),
        ],
        nonTriggering: [
            RuleExample(Dictionary(uniqueKeysWithValues: (1...10).map { n in
                ("objects/brief-\(n).md", RuleExample.governedObject(replacing: "name: Brief", with: "name: Brief \(n)") as String?)
            })),
        ]
    )

    func check(_ index: HandbookIndex) -> [Diagnostic] {
        let handbook = index.handbook
        let count = handbook.objects.count + (handbook.unreadable[.objects]?.count ?? 0)
        guard count > Self.limit else { return [] }
        return [diagnostic("\(counted(count, "governed object")): more than \(Self.limit) is all of the data again, not what the product promises",
                           at: .start(of: handbook.settings?.file ?? "handbook.yaml"))]
    }
}
