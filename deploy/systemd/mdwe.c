/* Runs a program under Linux's memory-deny-write-execute, the rule systemd's
 * MemoryDenyWriteExecute=yes enforces: no mapping may be writable and executable, and no mapping may
 * become executable later. The tests run the native AOT bot under it
 * (tests/CoalitionBot.Tests/Aot/WriteExecuteMemoryTests.cs) to show the unit may set it.
 *   cc -O2 -o mdwe deploy/systemd/mdwe.c && ./mdwe /opt/coalitionbot/CoalitionBot [arguments]
 * It uses prctl(PR_SET_MDWE) (Linux 6.3 and later), which execve keeps, where systemd uses a seccomp
 * filter; both refuse the same mmap and mprotect calls. It first checks that the rule holds: a
 * writable and executable mapping must be refused, or it exits 4 instead of running the program. */
#include <stdio.h>
#include <sys/mman.h>
#include <sys/prctl.h>
#include <unistd.h>

#ifndef PR_SET_MDWE
#define PR_SET_MDWE 65
#endif
#ifndef PR_MDWE_REFUSE_EXEC_GAIN
#define PR_MDWE_REFUSE_EXEC_GAIN 1
#endif

int main(int argc, char **argv)
{
    if (argc < 2) {
        fprintf(stderr, "usage: mdwe PROGRAM [ARGUMENTS...]\n");
        return 2;
    }
    if (prctl(PR_SET_MDWE, PR_MDWE_REFUSE_EXEC_GAIN, 0L, 0L, 0L) != 0) {
        perror("mdwe: prctl(PR_SET_MDWE) (Linux 6.3 or later is needed)");
        return 3;
    }
    void *page = mmap(NULL, 4096, PROT_READ | PROT_WRITE | PROT_EXEC, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
    if (page != MAP_FAILED) {
        fprintf(stderr, "mdwe: a writable and executable mapping was allowed: the rule is not enforced\n");
        return 4;
    }
    execv(argv[1], argv + 1);
    perror("mdwe: execv");
    return 5;
}
