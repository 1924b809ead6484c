#define _GNU_SOURCE
#include "CSlutrapportSys.h"
#include <errno.h>
#include <fcntl.h>
#include <sys/syscall.h>
#include <unistd.h>

// Called through syscall(): glibc's renameat2 wrapper is newer than some
// systems slutrapport runs on, and Swift cannot call variadic C functions.
int slutrapport_exchange(const char *from, const char *to) {
#ifdef SYS_renameat2
    return (int)syscall(SYS_renameat2, AT_FDCWD, from, AT_FDCWD, to, 2 /* RENAME_EXCHANGE */);
#else
    errno = ENOSYS;
    return -1;
#endif
}
