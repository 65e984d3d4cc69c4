#!/usr/bin/env bash
# Installs caravan, its manual page (with a KEYS section from the key maps) and shell
# completions under PREFIX.  usage: scripts/install.sh BUILD_DIR PREFIX [DESTDIR]
set -euo pipefail
build="$1"
prefix="$2"
root="${3:-}${prefix}"
bin="$build/caravan"
[ -x "$bin" ] || { echo "install: no binary at $bin; build first" >&2; exit 1; }

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

# The manual page: generated from the command definitions, KEYS inserted before EXIT STATUS.
"$build/generate-manual" "$bin" --output-directory "$work" >/dev/null
"$bin" keys --format mdoc --ignore-config > "$work/keys.mdoc"
awk -v keys="$work/keys.mdoc" '
    /^\.Sh "EXIT STATUS"/ && !done { while ((getline line < keys) > 0) print line; done = 1 }
    { print }
    END { if (!done) while ((getline line < keys) > 0) print line }
' "$work/caravan.1" > "$work/caravan.1.full"

install -d "$root/bin" "$root/share/man/man1" \
    "$root/share/bash-completion/completions" "$root/share/zsh/site-functions" \
    "$root/share/fish/vendor_completions.d"
install -m 0755 "$bin" "$root/bin/caravan"
install -m 0644 "$work/caravan.1.full" "$root/share/man/man1/caravan.1"
"$bin" --generate-completion-script bash > "$work/caravan.bash"
"$bin" --generate-completion-script zsh > "$work/_caravan"
"$bin" --generate-completion-script fish > "$work/caravan.fish"
install -m 0644 "$work/caravan.bash" "$root/share/bash-completion/completions/caravan"
install -m 0644 "$work/_caravan" "$root/share/zsh/site-functions/_caravan"
install -m 0644 "$work/caravan.fish" "$root/share/fish/vendor_completions.d/caravan.fish"
echo "installed caravan in $root"
