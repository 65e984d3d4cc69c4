#define _GNU_SOURCE
#include "CPty.h"

#include <errno.h>
#include <fcntl.h>
#include <signal.h>
#include <spawn.h>
#include <stdlib.h>
#include <string.h>
#include <sys/ioctl.h>
#include <termios.h>
#include <unistd.h>

int cpty_open_master(char *slave_path, size_t slave_path_size, unsigned short rows,
                     unsigned short cols) {
    int master = posix_openpt(O_RDWR | O_NOCTTY | O_CLOEXEC);
    if (master < 0) {
        return -1;
    }
    if (grantpt(master) != 0 || unlockpt(master) != 0 ||
        ptsname_r(master, slave_path, slave_path_size) != 0 ||
        cpty_set_window_size(master, rows, cols) != 0) {
        int saved = errno;
        close(master);
        errno = saved;
        return -1;
    }
    return master;
}

int cpty_set_window_size(int master, unsigned short rows, unsigned short cols) {
    struct winsize size;
    memset(&size, 0, sizeof size);
    size.ws_row = rows;
    size.ws_col = cols;
    return ioctl(master, TIOCSWINSZ, &size);
}

int cpty_spawn(const char *path, char *const argv[], char *const envp[], const char *slave_path,
               pid_t *pid) {
    posix_spawnattr_t attributes;
    posix_spawn_file_actions_t actions;
    int result = posix_spawnattr_init(&attributes);
    if (result != 0) {
        return result;
    }
    result = posix_spawn_file_actions_init(&actions);
    if (result != 0) {
        posix_spawnattr_destroy(&attributes);
        return result;
    }

    sigset_t all_signals;
    sigset_t no_signals;
    sigfillset(&all_signals);
    sigemptyset(&no_signals);

    // glibc runs setsid before the file actions, so opening the slave
    // (without O_NOCTTY) makes it the new session's controlling terminal.
    short flags = POSIX_SPAWN_SETSID | POSIX_SPAWN_SETSIGDEF | POSIX_SPAWN_SETSIGMASK;
    if ((result = posix_spawnattr_setflags(&attributes, flags)) != 0 ||
        (result = posix_spawnattr_setsigdefault(&attributes, &all_signals)) != 0 ||
        (result = posix_spawnattr_setsigmask(&attributes, &no_signals)) != 0 ||
        (result = posix_spawn_file_actions_addopen(&actions, STDIN_FILENO, slave_path, O_RDWR, 0)) != 0 ||
        (result = posix_spawn_file_actions_adddup2(&actions, STDIN_FILENO, STDOUT_FILENO)) != 0 ||
        (result = posix_spawn_file_actions_adddup2(&actions, STDIN_FILENO, STDERR_FILENO)) != 0 ||
        (result = posix_spawn_file_actions_addclosefrom_np(&actions, STDERR_FILENO + 1)) != 0) {
        posix_spawn_file_actions_destroy(&actions);
        posix_spawnattr_destroy(&attributes);
        return result;
    }

    result = posix_spawn(pid, path, &actions, &attributes, argv, envp);
    posix_spawn_file_actions_destroy(&actions);
    posix_spawnattr_destroy(&attributes);
    return result;
}
