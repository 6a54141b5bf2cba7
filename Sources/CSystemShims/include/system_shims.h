#ifndef HANDOFF_SYSTEM_SHIMS_H
#define HANDOFF_SYSTEM_SHIMS_H

/// Atomically exchanges two paths (Linux renameat2 RENAME_EXCHANGE).
/// Returns 0 on success, -1 with errno set (ENOSYS/EINVAL where unsupported).
int handoff_rename_exchange(const char *a, const char *b);

struct Agraph_s;

/// Graphviz's agmemread with a layout that depends only on the source:
/// names get ids in the order they first appear, not their addresses
/// (graphviz_read.c). NULL when the source does not parse.
struct Agraph_s *handoff_graphviz_read(const char *text);

#endif
