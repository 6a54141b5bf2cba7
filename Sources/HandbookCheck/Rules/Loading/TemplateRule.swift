import Diagnostics

/// template: a problem in a theme's templates, reported when `check` or
/// `build` compiles the theme (`HandbookSite.Theme`). Not a rule of the
/// handbook format, so it stands outside FORMAT.md's table and has no
/// example handbooks; `handoff explain template` prints its help.
enum TemplateRule: DescribedRule {
    static let descriptor = RuleDescriptor(
        .template,
        help: "Templates are checked like content. Each page template renders one view (role.mustache a role page, index.mustache the overview...), and every {{name}} must be a field of it or of an enclosing section; README's Themes section lists them. A section needs a condition (has...) or a list; a partial must exist; every section is closed with its own name. The message says which field was meant and the note lists what the view offers.",
        triggering: [],
        nonTriggering: []
    )
}
