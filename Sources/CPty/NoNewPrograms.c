#define _GNU_SOURCE
#include "CPty.h"

#include <errno.h>

#ifdef __linux__
#include <linux/audit.h>
#include <linux/filter.h>
#include <linux/seccomp.h>
#include <sched.h>
#include <stddef.h>
#include <sys/prctl.h>
#include <sys/syscall.h>
#include <unistd.h>

#if defined(__x86_64__)
#define CPTY_AUDIT_ARCH AUDIT_ARCH_X86_64
#elif defined(__aarch64__)
#define CPTY_AUDIT_ARCH AUDIT_ARCH_AARCH64
#endif
#endif

/// The filter, instruction by instruction:
///   - a call made through another architecture's entry (i386 or x32 on x86_64) fails;
///   - execve and execveat fail, and so do fork and vfork where they exist, and
///     ptrace and process_vm_writev, which could make another process of the
///     serving user start one;
///   - clone3 answers ENOSYS, so the C library falls back to clone, whose flags a
///     filter can read (clone3 keeps them in memory it cannot);
///   - clone fails unless it makes a thread (CLONE_THREAD): threads share this
///     process and its filter, a new process would not be the explorer;
///   - everything else is allowed.
int cpty_forbid_new_programs(void) {
#if defined(__linux__) && defined(CPTY_AUDIT_ARCH)
#define DENY(error) BPF_STMT(BPF_RET | BPF_K, SECCOMP_RET_ERRNO | ((error) & SECCOMP_RET_DATA))
#define REFUSE_CALL(number, error)                                                               \
    BPF_JUMP(BPF_JMP | BPF_JEQ | BPF_K, (number), 0, 1), DENY(error)
    struct sock_filter instructions[] = {
        BPF_STMT(BPF_LD | BPF_W | BPF_ABS, offsetof(struct seccomp_data, arch)),
        BPF_JUMP(BPF_JMP | BPF_JEQ | BPF_K, CPTY_AUDIT_ARCH, 1, 0),
        DENY(EPERM),
        BPF_STMT(BPF_LD | BPF_W | BPF_ABS, offsetof(struct seccomp_data, nr)),
#if defined(__x86_64__)
        BPF_JUMP(BPF_JMP | BPF_JGE | BPF_K, 0x40000000, 0, 1),  // the x32 entry
        DENY(EPERM),
        REFUSE_CALL(SYS_fork, EPERM),
        REFUSE_CALL(SYS_vfork, EPERM),
#endif
        REFUSE_CALL(SYS_execve, EPERM),
        REFUSE_CALL(SYS_execveat, EPERM),
        REFUSE_CALL(SYS_ptrace, EPERM),
        REFUSE_CALL(SYS_process_vm_writev, EPERM),
        REFUSE_CALL(435, ENOSYS),  // clone3, named here for older headers
        BPF_JUMP(BPF_JMP | BPF_JEQ | BPF_K, SYS_clone, 0, 3),
        // The flags are clone's first argument; CLONE_THREAD is in its low word.
        BPF_STMT(BPF_LD | BPF_W | BPF_ABS, offsetof(struct seccomp_data, args[0])),
        BPF_JUMP(BPF_JMP | BPF_JSET | BPF_K, CLONE_THREAD, 1, 0),
        DENY(EPERM),
        BPF_STMT(BPF_RET | BPF_K, SECCOMP_RET_ALLOW),
    };
#undef REFUSE_CALL
#undef DENY
    struct sock_fprog program = {
        .len = (unsigned short)(sizeof instructions / sizeof instructions[0]),
        .filter = instructions,
    };
    if (prctl(PR_SET_NO_NEW_PRIVS, 1, 0, 0, 0) != 0) {
        return errno;
    }
    // TSYNC puts every thread the process already has under the filter too.
    if (syscall(SYS_seccomp, SECCOMP_SET_MODE_FILTER, SECCOMP_FILTER_FLAG_TSYNC, &program) != 0) {
        return errno;
    }
    return 0;
#else
    return ENOSYS;
#endif
}
