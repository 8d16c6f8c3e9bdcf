#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-2.0-or-later
# build-appimage.sh BUILD_DIR RUNTIME OUTPUT
#   Makes a Berth AppImage from a built tree: installs it into an AppDir, bundles the Qt
#   libraries and plugins it needs (found with ldd) and everything they pull in except the
#   C library and the GPU driver libraries, points the rpaths at the bundle (patchelf), and
#   appends the AppDir as a gzip squashfs to RUNTIME (packaging/appimage/runtime.c).
# Needs: cmake, patchelf, mksquashfs (squashfs-tools), ldd.
set -euo pipefail

build=$(cd "$1" && pwd)
runtime=$2
output=$3
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
appdir=$work/AppDir

DESTDIR=$appdir cmake --install "$build" --prefix /usr >/dev/null
bin=$appdir/usr/bin/berth
[ -x "$bin" ] || { echo "build-appimage: $bin was not installed" >&2; exit 1; }
lib=$appdir/usr/lib
plugins=$appdir/usr/plugins
mkdir -p "$lib" "$plugins" "$appdir/usr/translations"

qtplugins=$(qtpaths6 --query QT_INSTALL_PLUGINS 2>/dev/null || echo /usr/lib/x86_64-linux-gnu/qt6/plugins)
qttranslations=$(qtpaths6 --query QT_INSTALL_TRANSLATIONS 2>/dev/null || echo /usr/share/qt6/translations)

# The plugins a desktop session needs: X11 (and offscreen for tests), SVG icons and images,
# input methods.
for p in platforms/libqxcb.so platforms/libqoffscreen.so platforms/libqminimal.so \
         xcbglintegrations/libqxcb-glx-integration.so \
         imageformats/libqsvg.so imageformats/libqgif.so imageformats/libqjpeg.so \
         imageformats/libqico.so iconengines/libqsvgicon.so \
         platforminputcontexts/libcomposeplatforminputcontextplugin.so \
         platforminputcontexts/libibusplatforminputcontextplugin.so; do
    if [ -f "$qtplugins/$p" ]; then
        mkdir -p "$plugins/$(dirname "$p")"
        cp "$qtplugins/$p" "$plugins/$p"
    elif [[ $p == *svg* || $p == */libqxcb.so || $p == */libqoffscreen.so ]]; then
        echo "build-appimage: missing Qt plugin $qtplugins/$p" >&2
        exit 1
    fi
done
cp "$qttranslations"/qtbase_*.qm "$appdir/usr/translations/" 2>/dev/null || true

# Libraries every Linux desktop has and that must match the system: the C library family
# and the GPU driver stack (as the AppImage project's exclude list has it).
excluded() {
    case $(basename "$1") in
    ld-linux*|libc.so*|libm.so*|libdl.so*|libpthread.so*|librt.so*|libresolv.so*|libutil.so*) return 0 ;;
    libGL.so*|libGLX.so*|libEGL.so*|libGLdispatch.so*|libOpenGL.so*|libdrm.so*|libgbm.so*) return 0 ;;
    esac
    return 1
}

bundle_deps() {
    local file=$1 dep
    while read -r dep; do
        [ -n "$dep" ] || continue
        excluded "$dep" && continue
        local name
        name=$(basename "$dep")
        [ -e "$lib/$name" ] && continue
        cp -L "$dep" "$lib/$name"
        bundle_deps "$lib/$name"
    done < <(ldd "$file" | awk '$2 == "=>" && $3 ~ /^\// { print $3 }')
}

bundle_deps "$bin"
while IFS= read -r -d '' p; do bundle_deps "$p"; done < <(find "$plugins" -name '*.so' -print0)

# Everything finds its libraries in the bundle first.
patchelf --set-rpath '$ORIGIN/../lib' "$bin"
for l in "$lib"/*.so*; do patchelf --set-rpath '$ORIGIN' "$l" 2>/dev/null || true; done
while IFS= read -r -d '' p; do
    patchelf --set-rpath '$ORIGIN/../../lib' "$p"
done < <(find "$plugins" -name '*.so' -print0)

# Qt looks for its plugins and translations beside the executable, not in /usr/lib.
cat > "$appdir/usr/bin/qt.conf" <<'CONF'
[Paths]
Prefix = ..
Plugins = plugins
Translations = translations
CONF

cat > "$appdir/AppRun" <<'RUN'
#!/bin/sh
# Berth's AppImage entry point: the bundled Qt only, whatever the environment says.
here=$(dirname "$(readlink -f "$0")")
unset QT_PLUGIN_PATH QT_QPA_PLATFORM_PLUGIN_PATH
exec "$here/usr/bin/berth" "$@"
RUN
chmod +x "$appdir/AppRun"
cp "$appdir/usr/share/applications/invalid.berth.Berth.desktop" "$appdir/"
cp "$appdir/usr/share/icons/hicolor/scalable/apps/invalid.berth.Berth.svg" "$appdir/"
if [ -f "$appdir/usr/share/icons/hicolor/256x256/apps/invalid.berth.Berth.png" ]; then
    cp "$appdir/usr/share/icons/hicolor/256x256/apps/invalid.berth.Berth.png" "$appdir/.DirIcon"
fi

mksquashfs "$appdir" "$work/image.squashfs" -root-owned -noappend -comp gzip -quiet >/dev/null
cat "$runtime" "$work/image.squashfs" > "$output.tmp"
chmod 755 "$output.tmp"
mv "$output.tmp" "$output"
echo "$output: $(du -h "$output" | cut -f1), $(ls "$lib" | wc -l) libraries bundled"
