// cmark-gfm keeps one table of "special" inline characters for the whole
// process (SPECIAL_CHARS and SKIP_CHARS in inlines.c). Each parser adds its
// extensions' characters ('~' for strikethrough, ':' 'w' for autolinks...) to
// it before parsing a document's inlines and removes them afterwards
// (cmark_manage_extensions_special_characters, called twice by
// process_inlines). Two documents parsed on two threads race on it: when one
// finishes it removes '~' while the other is still reading the table, and
// the other's strikethrough and autolinks silently become text.
//
// The fix keeps the table's contents as they are while any parse is under
// way: the first parser to start adds the characters, the last one to finish
// removes them, under a mutex. Every handoff parser attaches the same
// extensions (Markup's CmarkDocument), so one set of characters serves all.
//
// Two link modes, one file:
//  * Shared libcmark-gfm (Debian's .so, the development build): the library
//    calls cmark_manage_extensions_special_characters through its PLT, so the
//    definition below, exported from the executable, interposes it. It is
//    weak so that a static link keeps the archive's own definition.
//  * Static libcmark-gfm.a (scripts/release): blocks.o calls
//    cmark_inlines_add/remove_special_character in inlines.o; the release
//    links with -Wl,--wrap=... for both, which sends those calls to the
//    __wrap_ functions below, counted per character.
#define _GNU_SOURCE
#include <dlfcn.h>
#include <pthread.h>
#include <stdbool.h>
#include "cmark_special_chars.h"

struct cmark_parser;

static pthread_mutex_t lock = PTHREAD_MUTEX_INITIALIZER;
static int holders = 0;
static int guard = 0;

typedef void (*manage_fn)(struct cmark_parser *, int);

__attribute__((weak, visibility("default")))
void cmark_manage_extensions_special_characters(struct cmark_parser *parser, int add) {
    static manage_fn real = 0;
    pthread_mutex_lock(&lock);
    guard = 1;
    if (!real) real = (manage_fn)dlsym(RTLD_NEXT, "cmark_manage_extensions_special_characters");
    if (add) {
        if (holders++ == 0 && real) real(parser, 1);
    } else if (holders > 0) {
        if (--holders == 0 && real) real(parser, 0);
    }
    pthread_mutex_unlock(&lock);
}

// Present only when linked with --wrap (the static release); weak, so a
// dynamic build that never wraps links without them.
extern void __real_cmark_inlines_add_special_character(unsigned char c, bool emphasis) __attribute__((weak));
extern void __real_cmark_inlines_remove_special_character(unsigned char c, bool emphasis) __attribute__((weak));

static int per_char[256];

void __wrap_cmark_inlines_add_special_character(unsigned char c, bool emphasis) {
    pthread_mutex_lock(&lock);
    guard = 2;
    if (per_char[c]++ == 0 && __real_cmark_inlines_add_special_character)
        __real_cmark_inlines_add_special_character(c, emphasis);
    holders++;
    pthread_mutex_unlock(&lock);
}

void __wrap_cmark_inlines_remove_special_character(unsigned char c, bool emphasis) {
    pthread_mutex_lock(&lock);
    if (per_char[c] > 0 && --per_char[c] == 0 && __real_cmark_inlines_remove_special_character)
        __real_cmark_inlines_remove_special_character(c, emphasis);
    if (holders > 0) holders--;
    pthread_mutex_unlock(&lock);
}

int handoff_cmark_special_chars_holders(void) {
    pthread_mutex_lock(&lock);
    int value = holders;
    pthread_mutex_unlock(&lock);
    return value;
}

int handoff_cmark_special_chars_guard(void) {
    pthread_mutex_lock(&lock);
    int value = guard;
    pthread_mutex_unlock(&lock);
    return value;
}
