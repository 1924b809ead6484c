#ifndef CSLUTRAPPORTSYS_H
#define CSLUTRAPPORTSYS_H

/// Swaps two paths in one step (Linux renameat2 with RENAME_EXCHANGE), so
/// that a reader, or a build killed at any moment, sees either the old or
/// the new output folder, never neither. Returns 0, or -1 with errno set
/// (ENOSYS or EINVAL where the system or file system cannot).
int slutrapport_exchange(const char *from, const char *to);

#endif
