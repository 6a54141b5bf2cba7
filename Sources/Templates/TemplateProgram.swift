import Diagnostics

/// What a compiled template runs on: the output, the values of the open
/// sections (innermost last) and the position in the innermost list.
final class RenderContext {
    var out: [UInt8] = []
    var stack: [UnsafeRawPointer] = []
    var index = 0
    var count = 0

    init() { stack.reserveCapacity(16) }
}

/// A compiled template: one closure per node.
struct Program {
    let steps: [(RenderContext) -> Void]

    @inline(__always)
    func run(_ context: RenderContext) {
        for step in steps { step(context) }
    }
}

/// What a section's body renders against: a view (by schema) or a text of a list of texts.
enum Scope {
    case view(AnySchema)
    case text
}
