/// English counts for messages: `counted(1, "error")` is "1 error",
/// `counted(2, "error")` "2 errors"; `plural("role", 2)` is "roles".
public func counted(_ n: Int, _ noun: String) -> String { "\(n) \(plural(noun, n))" }

public func plural(_ noun: String, _ n: Int) -> String { n == 1 ? noun : noun + "s" }

/// English enumeration for messages: "a", "a or b", "a, b or c" (`conjunction` "and" for "a, b and c").
public func listed(_ items: [String], _ conjunction: String = "and") -> String {
    guard items.count > 1 else { return items.first ?? "" }
    return items.dropLast().joined(separator: ", ") + " \(conjunction) " + items.last!
}
