#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-2.0-or-later
# appimage_test.sh BUILD_DIR RUNTIME: the AppImage starts where no Qt is installed.
# The system's Qt libraries and plugins are made unreachable in a private mount namespace
# (each libQt6* file covered by /dev/null, the plugin folder by an empty tmpfs); the build
# tree's own berth must then fail to start, and the AppImage must print its version and
# paint its window (offscreen).
set -euo pipefail
build=$(cd "$1" && pwd) runtime=$2
here=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)

skip() { echo "SKIPPED: $*"; exit 77; }
fail() { echo "FAIL: $*" >&2; exit 1; }
for tool in mksquashfs patchelf unshare; do
    command -v "$tool" >/dev/null || skip "$tool is not installed"
done
unshare --mount true 2>/dev/null || skip "cannot make a mount namespace here (needs root or user namespaces)"

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
app=$work/Berth-x86_64.AppImage
bash "$here/../../packaging/appimage/build-appimage.sh" "$build" "$runtime" "$app"

offset=$("$app" --appimage-offset)
[ "$offset" -gt 0 ] || fail "no squashfs offset"
echo "squashfs image at byte $offset"

export APP=$app BUILD=$build WORK=$work
unshare --mount bash -euo pipefail -c '
    qtlib=/usr/lib/x86_64-linux-gnu
    for f in $(find "$qtlib" -maxdepth 1 -type f -name "libQt6*"); do mount --bind /dev/null "$f"; done
    [ -d "$qtlib/qt6" ] && mount -t tmpfs tmpfs "$qtlib/qt6"
    if "$BUILD/bin/berth" --version >/dev/null 2>&1; then
        echo "FAIL: the system Qt is still reachable" >&2; exit 1
    fi
    echo "system Qt hidden: the build tree berth cannot start"
    export XDG_CACHE_HOME=$WORK/cache BERTH_LIBRARY=$WORK/lib LANGUAGE=en
    version=$("$APP" --version)
    echo "$version"
    [ "$version" = "berth 0.1.0" ] || { echo "FAIL: --version printed \"$version\"" >&2; exit 1; }
    QT_QPA_PLATFORM=offscreen BERTH_STARTUP_PROBE=1 "$APP" >"$WORK/window.out" 2>&1 &
    pid=$!
    for _ in $(seq 600); do
        grep -q "berth-startup shown" "$WORK/window.out" && break
        kill -0 $pid 2>/dev/null || break
        sleep 0.1
    done
    kill $pid 2>/dev/null || true
    wait $pid 2>/dev/null || true
    grep -q "berth-startup shown" "$WORK/window.out" ||
        { cat "$WORK/window.out"; echo "FAIL: the window did not show" >&2; exit 1; }
    echo "the window showed (offscreen)"
    # It ran on the bundled libraries: the extracted image has them.
    ls "$WORK"/cache/appimage-berth/*/usr/lib/libQt6Widgets.so.6 >/dev/null
'
echo "the AppImage starts with the system Qt out of reach"

# --appimage-extract never writes through a link it did not make: an existing squashfs-root
# (here a link to another folder) is refused and the folder it names stays as it was.
mkdir "$work/extract" "$work/victim"
echo mine >"$work/victim/AppRun"
ln -s "$work/victim" "$work/extract/squashfs-root"
if (cd "$work/extract" && "$app" --appimage-extract) >"$work/extract.out" 2>&1; then
    fail "extracted into an existing squashfs-root"
fi
grep -q "exists already" "$work/extract.out" || { cat "$work/extract.out"; fail "no reason given"; }
[ "$(cat "$work/victim/AppRun")" = mine ] || fail "the linked folder was written to"
rm "$work/extract/squashfs-root"
(cd "$work/extract" && "$app" --appimage-extract >/dev/null)
[ -x "$work/extract/squashfs-root/AppRun" ] || fail "--appimage-extract made no AppRun"
echo "--appimage-extract makes a new folder and refuses an existing one"

# The cache folder (here the /tmp fallback's kind: made by someone else first) is used only
# when it is the user's own and private: nothing in a writable or linked one is run.
for bad in writable link; do
    cache=$work/cache-$bad
    mkdir -p "$work/elsewhere"
    case $bad in
    writable) mkdir -p "$cache/appimage-berth" && chmod 0777 "$cache/appimage-berth" ;;
    link) mkdir -p "$cache" && ln -s "$work/elsewhere" "$cache/appimage-berth" ;;
    esac
    if XDG_CACHE_HOME=$cache "$app" --version >"$work/cache.out" 2>&1; then
        fail "ran from a $bad cache folder"
    fi
    grep -q "cache folder" "$work/cache.out" || { cat "$work/cache.out"; fail "no reason given ($bad)"; }
done
[ -z "$(ls -A "$work/elsewhere")" ] || fail "extracted into the folder a link named"
echo "a cache folder that is not private is refused"
echo "PASS: the AppImage starts with the system Qt out of reach and trusts only its own folders"
