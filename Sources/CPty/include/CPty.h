#ifndef CARAVAN_CPTY_H
#define CARAVAN_CPTY_H

#include <stddef.h>
#include <sys/types.h>

/// Opens a new pseudo-terminal pair and returns the master, close-on-exec and
/// not a controlling terminal of ours, with the slave's path in `slave_path`
/// and its window set to `rows` x `cols`. Returns -1 with errno set on failure.
int cpty_open_master(char *slave_path, size_t slave_path_size, unsigned short rows,
                     unsigned short cols);

/// Sets the window size of the terminal behind `master`; the kernel sends
/// SIGWINCH to its foreground process group. Returns 0, or -1 with errno.
int cpty_set_window_size(int master, unsigned short rows, unsigned short cols);

/// Starts `path` with `argv` and `envp` in a new session whose controlling
/// terminal is the slave at `slave_path`, which becomes its standard input,
/// output and error. Every other descriptor is closed in the child, and every
/// signal is back at its default and unblocked. Uses posix_spawn, which is
/// safe in a multithreaded process, unlike fork. Returns 0 and the child's
/// pid, or an errno value.
int cpty_spawn(const char *path, char *const argv[], char *const envp[], const char *slave_path,
               pid_t *pid);

/// Makes sure this process never starts another program: from now on execve,
/// execveat, fork, vfork, ptrace, process_vm_writev and any clone that is not a
/// new thread of this process fail, in every thread, for good (a seccomp filter,
/// after no_new_privs). For a session served over SSH, whose only program is the
/// explorer. Returns 0, or an errno value (ENOSYS where the system has no such
/// filters).
int cpty_forbid_new_programs(void);

#endif
