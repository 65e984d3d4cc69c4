// The parts of ncursesw that Swift cannot import directly (macros, global
// variables, variadic or union-laden APIs), wrapped in small inline functions.
#ifndef CARAVAN_NCURSESW_SHIM_H
#define CARAVAN_NCURSESW_SHIM_H

#ifndef _XOPEN_SOURCE_EXTENDED
#define _XOPEN_SOURCE_EXTENDED 1
#endif
#ifndef NCURSES_WIDECHAR
#define NCURSES_WIDECHAR 1
#endif

#include <langinfo.h>
#include <locale.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>
#include <strings.h>
#include <sys/ioctl.h>
#include <wchar.h>

#if __has_include(<ncursesw/ncurses.h>)
#include <ncursesw/ncurses.h>
#else
#include <ncurses.h>
#endif

// Declared by <wchar.h> only under some feature macros.
extern int wcwidth(wchar_t c);

// MARK: Screen and windows

/// Starts curses on standard output and input; NULL when the terminal type is unknown.
static inline SCREEN *caravan_newterm(const char *term) {
    return newterm(term, stdout, stdin);
}

static inline WINDOW *caravan_stdscr(void) { return stdscr; }
static inline WINDOW *caravan_curscr(void) { return curscr; }

static inline int caravan_lines(void) {
    int rows = 0, columns = 0;
    getmaxyx(stdscr, rows, columns);
    (void)columns;
    return rows;
}

static inline int caravan_columns(void) {
    int rows = 0, columns = 0;
    getmaxyx(stdscr, rows, columns);
    (void)rows;
    return columns;
}

static inline int caravan_colors(void) { return COLORS; }
static inline int caravan_color_pairs(void) { return COLOR_PAIRS; }
static inline int caravan_set_escdelay(int milliseconds) { return set_escdelay(milliseconds); }

// MARK: Attributes

static inline attr_t caravan_a_normal(void) { return A_NORMAL; }
static inline attr_t caravan_a_bold(void) { return A_BOLD; }
static inline attr_t caravan_a_dim(void) { return A_DIM; }
static inline attr_t caravan_a_underline(void) { return A_UNDERLINE; }
static inline attr_t caravan_a_reverse(void) { return A_REVERSE; }
static inline attr_t caravan_a_italic(void) {
#ifdef A_ITALIC
    return A_ITALIC;
#else
    return A_NORMAL;
#endif
}

// MARK: Cells

/// The most characters one cell holds: a spacing character and its combining marks.
static inline int caravan_cchar_max(void) { return CCHARW_MAX; }

/// Writes one cell at the cursor and advances it. `text` is a NUL-terminated
/// spacing character followed by at most CCHARW_MAX - 1 non-spacing ones.
static inline int caravan_add_cell(WINDOW *window, const wchar_t *text, attr_t attrs, int pair) {
    cchar_t cell;
    memset(&cell, 0, sizeof cell);
    if (setcchar(&cell, text, attrs, (short)pair, NULL) == ERR) {
        return ERR;
    }
    return wadd_wch(window, &cell);
}

static inline int caravan_wcwidth(uint32_t character) { return wcwidth((wchar_t)character); }

// MARK: Input

/// Reads one key: returns OK with a character, KEY_CODE_YES with a KEY_* code, or ERR.
static inline int caravan_get_wch(WINDOW *window, uint32_t *key) {
    wint_t value = 0;
    int result = wget_wch(window, &value);
    *key = (uint32_t)value;
    return result;
}

static inline int caravan_key_f(int number) { return KEY_F(number); }

// MARK: Mouse

static inline mmask_t caravan_mouse_mask(void) {
    mmask_t mask = BUTTON1_PRESSED | BUTTON1_CLICKED | BUTTON4_PRESSED;
#ifdef BUTTON5_PRESSED
    mask |= BUTTON5_PRESSED;
#endif
    return mask;
}

/// The kind of the pending mouse event: 1 click, 2 wheel up, 3 wheel down, 0 other, -1 none.
static inline int caravan_get_mouse(int *x, int *y) {
    MEVENT event;
    if (getmouse(&event) != OK) {
        return -1;
    }
    *x = event.x;
    *y = event.y;
    if (event.bstate & (BUTTON1_PRESSED | BUTTON1_CLICKED)) return 1;
    if (event.bstate & BUTTON4_PRESSED) return 2;
#ifdef BUTTON5_PRESSED
    if (event.bstate & BUTTON5_PRESSED) return 3;
#endif
    return 0;
}

// MARK: Terminal device

/// The size of the terminal on `fd`; returns 0 on success, -1 if unknown.
static inline int caravan_window_size(int fd, int *rows, int *columns) {
    struct winsize size;
    memset(&size, 0, sizeof size);
    if (ioctl(fd, TIOCGWINSZ, &size) != 0 || size.ws_row == 0 || size.ws_col == 0) {
        return -1;
    }
    *rows = size.ws_row;
    *columns = size.ws_col;
    return 0;
}

/// How many bytes can be read from `fd` without blocking, or -1.
static inline int caravan_bytes_available(int fd) {
    int count = 0;
    if (ioctl(fd, FIONREAD, &count) != 0) {
        return -1;
    }
    return count;
}

// MARK: Locale

/// Whether the current locale's character set is UTF-8.
static inline int caravan_codeset_is_utf8(void) {
    const char *codeset = nl_langinfo(CODESET);
    if (codeset == NULL) return 0;
    return strcasecmp(codeset, "UTF-8") == 0 || strcasecmp(codeset, "UTF8") == 0;
}

// MARK: Terminal description

/// Whether the terminal clears with the current background colour (bce).
static inline int caravan_back_color_erase(void) { return tigetflag("bce") > 0; }

/// Removes `text` from the loaded terminal description's string capability `name`, in
/// place, so that ncurses stops sending it; true when it was there.
static inline int caravan_strip_capability(const char *name, const char *text) {
    char *value = tigetstr(name);
    if (value == NULL || value == (char *)-1) return 0;
    char *found = strstr(value, text);
    if (found == NULL) return 0;
    size_t length = strlen(text);
    memmove(found, found + length, strlen(found + length) + 1);
    return 1;
}

/// Stops every attribute change from also selecting the ordinary character set
/// (`ESC ( B` in xterm's `sgr0` and `sgr`, shift-in in screen's and the console's):
/// Caravan draws lines with Unicode or ASCII characters, never the alternate character
/// set, so those bytes only repeated what was already true. ncurses has selected the
/// ordinary set while starting.
static inline void caravan_drop_charset_resets(void) {
    caravan_strip_capability("sgr0", "\033(B");
    caravan_strip_capability("sgr0", "\017");
    caravan_strip_capability("sgr", "%?%p9%t\033(0%e\033(B%;");
    caravan_strip_capability("sgr", "%?%p9%t\016%e\017%;");
}

/// Shortens what every attribute change sends, where the terminal description's `sgr`
/// starts with a full reset (`ESC [ 0`, as xterm's, screen's and tmux's do): the 0 goes,
/// since an empty parameter means 0 (ECMA-48), and `ritm` (leave italics) becomes empty,
/// since ncurses sends it only straight after `sgr`, whose reset has already left
/// italics. Call after `caravan_drop_charset_resets`; true when `sgr` was shortened.
static inline int caravan_shorten_attribute_changes(void) {
    char *sgr = tigetstr("sgr");
    if (sgr == NULL || sgr == (char *)-1 || strncmp(sgr, "\033[0", 3) != 0) return 0;
    if (sgr[3] != '%' && sgr[3] != ';' && sgr[3] != 'm') return 0;
    memmove(sgr + 2, sgr + 3, strlen(sgr + 3) + 1);
    // Without sgr0, ncurses leaves attributes one by one and needs ritm for italics.
    char *sgr0 = tigetstr("sgr0");
    char *ritm = tigetstr("ritm");
    if (sgr0 != NULL && sgr0 != (char *)-1 && ritm != NULL && ritm != (char *)-1
        && strcmp(ritm, "\033[23m") == 0)
        ritm[0] = 0;
    return 1;
}

#endif
