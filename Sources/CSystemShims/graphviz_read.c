// DOT source read into a graph whose layout does not depend on where malloc
// puts things. cgraph's default id discipline makes a named object's id the
// address of its interned name, and keeps subgraphs (clusters) in id order,
// so dot met them in an order set by the heap: the flow map's coordinates
// changed with what the process had allocated before it forked (one build in
// eight of a 40-role handbook; the live preview against a build). Here names
// are numbered in the order they first appear (even ids, as cgraph keeps the
// odd ones for anonymous objects), which the source fixes. Plain C and malloc:
// it runs in the child Graphviz.swift forks.
#include "system_shims.h"
#include <graphviz/gvc.h>
#include <stdlib.h>
#include <string.h>

typedef struct {
    char **names;
    size_t count, capacity;
    IDTYPE anonymous;
} names_t;

static void *names_open(Agraph_t *graph, Agdisc_t *disc) {
    (void)graph; (void)disc;
    names_t *names = calloc(1, sizeof *names);
    if (names) names->anonymous = 1;
    return names;
}

static long names_map(void *state, int kind, char *name, IDTYPE *id, int create) {
    names_t *names = state;
    (void)kind;
    if (!name) {
        *id = names->anonymous;
        names->anonymous += 2;
        return 1;
    }
    for (size_t i = 0; i < names->count; i++) {
        if (strcmp(names->names[i], name) == 0) {
            *id = 2 * (IDTYPE)(i + 1);
            return 1;
        }
    }
    if (!create) return 0;
    if (names->count == names->capacity) {
        size_t capacity = names->capacity ? 2 * names->capacity : 64;
        char **grown = realloc(names->names, capacity * sizeof *grown);
        if (!grown) return 0;
        names->names = grown;
        names->capacity = capacity;
    }
    char *copy = strdup(name);
    if (!copy) return 0;
    names->names[names->count++] = copy;
    *id = 2 * (IDTYPE)names->count;
    return 1;
}

static long names_alloc(void *state, int kind, IDTYPE request) {
    (void)state; (void)kind; (void)request;
    return 0;
}

static void names_free(void *state, int kind, IDTYPE id) {
    (void)state; (void)kind; (void)id;
}

static char *names_print(void *state, int kind, IDTYPE id) {
    names_t *names = state;
    (void)kind;
    return id > 0 && id % 2 == 0 && id / 2 <= names->count ? names->names[id / 2 - 1] : NULL;
}

static void names_close(void *state) {
    names_t *names = state;
    for (size_t i = 0; i < names->count; i++) free(names->names[i]);
    free(names->names);
    free(names);
}

static void names_register(void *state, int kind, void *object) {
    (void)state; (void)kind; (void)object;
}

static Agiddisc_t names_disc = {names_open, names_map, names_alloc, names_free, names_print, names_close, names_register};

// cgraph's memory reader (memiofread, static in cgraph): a line at a time.
typedef struct {
    const char *data;
    size_t length, position;
} source_t;

static int source_read(void *channel, char *buffer, int size) {
    source_t *source = channel;
    if (size == 0 || source->position >= source->length) return 0;
    int count = 0;
    char c;
    do {
        buffer[count++] = c = source->data[source->position++];
    } while (c != '\n' && count < size && source->position < source->length);
    return count;
}

struct Agraph_s *handoff_graphviz_read(const char *text) {
    static Agiodisc_t io;
    io = AgIoDisc;
    io.afread = source_read;
    Agdisc_t disc = {&AgMemDisc, &names_disc, &io};
    source_t source = {text, strlen(text), 0};
    return agread(&source, &disc);
}
