#ifndef HANDOFF_CMARK_SPECIAL_CHARS_H
#define HANDOFF_CMARK_SPECIAL_CHARS_H

/// How many parsers have asked cmark-gfm to add their extensions' special
/// characters and not yet asked to remove them (0 when no parse is under way).
/// For tests: the table is shared, so this must be 0 between parses.
int handoff_cmark_special_chars_holders(void);

/// Which of the two guards this binary uses: 1 when the dynamic library's
/// cmark_manage_extensions_special_characters is interposed (a shared
/// libcmark-gfm), 2 when the static archive's add/remove calls are wrapped
/// (linked with --wrap), 0 when no parse has run yet.
int handoff_cmark_special_chars_guard(void);

#endif
