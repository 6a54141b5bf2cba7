#ifndef HANDOFF_SYSTEM_SHIMS_H
#define HANDOFF_SYSTEM_SHIMS_H

/// Atomically exchanges two paths (Linux renameat2 RENAME_EXCHANGE).
/// Returns 0 on success, -1 with errno set (ENOSYS/EINVAL where unsupported).
int handoff_rename_exchange(const char *a, const char *b);

#endif
