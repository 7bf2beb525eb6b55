#!/usr/bin/env bash
# make install-test: `make install` and `make uninstall` for a user whose home is a throw-away
# folder, checking the files and what the desktop then says about a .journey file.
set -euo pipefail
cd "$(dirname "$0")/../.."
# The Go caches stay where they are: only the user's folders move.
export GOCACHE=$(go env GOCACHE) GOMODCACHE=$(go env GOMODCACHE) GOPATH=$(go env GOPATH)
home=$(mktemp -d)
trap 'rm -rf "$home"' EXIT
export HOME=$home XDG_DATA_HOME=$home/.local/share XDG_CONFIG_HOME=$home/.config
# xdg-mime asks GLib (gio), as on a GNOME desktop: without a desktop it would ask file(1),
# which knows no shared-mime-info types.
unset XDG_DATA_DIRS
export XDG_CURRENT_DESKTOP=GNOME
fail() { echo "install-test: $*" >&2; exit 1; }

make -s install >/dev/null
for f in .local/bin/journeycanvas .local/share/applications/io.journeycanvas.app.desktop \
  .local/share/icons/hicolor/256x256/apps/io.journeycanvas.app.png \
  .local/share/mime/packages/io.journeycanvas.app.xml; do
  [ -s "$home/$f" ] || fail "$f was not installed"
done
grep -qx "Exec=$home/.local/bin/journeycanvas %f" "$home/.local/share/applications/io.journeycanvas.app.desktop" ||
  fail "the menu entry does not run the installed program: $(grep Exec= "$home/.local/share/applications/io.journeycanvas.app.desktop")"
grep -qx "MimeType=application/x-journeycanvas" "$home/.local/share/applications/io.journeycanvas.app.desktop" ||
  fail "the menu entry does not open .journey files"

# A workspace named as users name them, and one without the extension (found by its contents).
ws="$home/Bản đồ khách hàng.journey"
"$home/.local/bin/journeycanvas" new "$ws" --template five-stages --lang vi >/dev/null
cp "$ws" "$home/no-extension"
export XDG_DATA_DIRS=$XDG_DATA_HOME:/usr/share
for f in "$ws" "$home/no-extension"; do
  got=$(xdg-mime query filetype "$f")
  [ "$got" = application/x-journeycanvas ] || fail "xdg-mime says $f is $got"
done
got=$(xdg-mime query default application/x-journeycanvas)
[ "$got" = io.journeycanvas.app.desktop ] || fail "the default application for .journey is '$got'"
echo "install-test: installed; xdg-mime: $(xdg-mime query filetype "$ws"), opened by $got"

make -s uninstall >/dev/null
left=$(find "$home/.local" -type f \( -name 'journeycanvas' -o -name 'io.journeycanvas.app*' \))
[ -z "$left" ] || fail "uninstall left $left"
got=$(xdg-mime query filetype "$home/no-extension")
[ "$got" != application/x-journeycanvas ] || fail "after uninstall the type is still known"
echo "install-test: uninstalled; nothing left, the type is gone ($got)"

# The archive's own Makefile, as a user who downloaded it runs it.
unpack=$(mktemp -d)
trap 'rm -rf "$home" "$unpack"' EXIT
tar -C "$unpack" -xJf dist/journeycanvas-linux-amd64.tar.xz
make -s -C "$unpack/journeycanvas" user-install >/dev/null
for f in .local/bin/journeycanvas .local/share/applications/io.journeycanvas.app.desktop \
  .local/share/icons/io.journeycanvas.app.png .local/share/mime/packages/io.journeycanvas.app.xml; do
  [ -s "$home/$f" ] || fail "the archive's make user-install did not install $f"
done
"$home/.local/bin/journeycanvas" list "$ws" >/dev/null || fail "the archive's program does not run"
got=$(xdg-mime query filetype "$home/no-extension")
[ "$got" = application/x-journeycanvas ] || fail "after the archive's user-install xdg-mime says $got"
echo "install-test: the archive's make user-install installs the program, its entry, icon and type"
