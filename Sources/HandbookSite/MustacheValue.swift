/// A view model as the dictionary swift-mustache renders. swift-mustache
/// resolves every `{{name}}` on a struct with a new `Mirror`, climbing the
/// context stack for outer names; on a dictionary (its `MustacheParent`
/// fast path) it is one hash lookup. The conformances are generated from
/// ViewModels.swift by scripts/generate-view-dictionaries.py.
protocol MustacheDictionary {
    var mustache: [String: Any] { get }
}
