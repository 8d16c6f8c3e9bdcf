#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-2.0-or-later
# deb_test.sh CPACK BUILD_DIR GUEST_DIR: the .deb, as a user would get it.
set -euo pipefail
cpack=$1 build=$2 guest=$3

skip() { echo "SKIPPED: $*"; exit 77; }
fail() { echo "FAIL: $*" >&2; exit 1; }
for tool in dpkg-deb dpkg-shlibdeps fakeroot; do
    command -v "$tool" >/dev/null || skip "$tool is not installed (dpkg-dev, fakeroot)"
done

work=$(mktemp -d)
cleanup() {
    # VMs run detached: kill whatever QEMU this test left behind, then remove its files.
    for pidfile in $(find "$work/run" -name qemu.pid 2>/dev/null); do
        kill -9 "$(cat "$pidfile")" 2>/dev/null || true
    done
    rm -rf "$work"
}
trap cleanup EXIT

echo "== cpack -G DEB"
"$cpack" --config "$build/CPackConfig.cmake" -G DEB -B "$work/out" >"$work/cpack.log" 2>&1 ||
    { cat "$work/cpack.log"; fail "cpack failed"; }
deb=$(ls "$work"/out/*.deb)
echo "$(basename "$deb"): $(du -h "$deb" | cut -f1)"

echo "== Depends"
depends=$(dpkg-deb -f "$deb" Depends)
echo "$depends"
for want in qemu-system-x86 qemu-utils ovmf libqt6core6 libqt6widgets6 libqt6gui6 \
            libqt6network6 libvncclient1 qt6-qpa-plugins libqt6svg6 osinfo-db; do
    grep -qE "(^|, )$want( |,|$)" <<<"$depends" || fail "Depends lacks $want"
done

echo "== files"
dpkg-deb -c "$deb" | awk '{print $6}' >"$work/files"
for want in ./usr/bin/berth \
            ./usr/share/applications/invalid.berth.Berth.desktop \
            ./usr/share/metainfo/invalid.berth.Berth.metainfo.xml \
            ./usr/share/doc/berth/copyright \
            ./usr/share/icons/hicolor/scalable/apps/invalid.berth.Berth.svg \
            ./usr/share/icons/hicolor/48x48/apps/invalid.berth.Berth.png \
            ./usr/share/icons/hicolor/256x256/apps/invalid.berth.Berth.png; do
    grep -qxF "$want" "$work/files" || fail "the package lacks $want"
done
if grep -E '^\./usr/(bin|lib)/.*(tst_|bench_)' "$work/files"; then fail "tests were packaged"; fi

echo "== unpacked into a throwaway root"
dpkg -x "$deb" "$work/root"
grep -qx 'License: GPL-2.0-or-later' "$work/root/usr/share/doc/berth/copyright" ||
    fail "the copyright file does not give Berth's license"
grep -q '<project_license>GPL-2.0-or-later</project_license>' \
    "$work/root/usr/share/metainfo/invalid.berth.Berth.metainfo.xml" ||
    fail "the metainfo does not give Berth's license"
berth=$work/root/usr/bin/berth
desktop=$work/root/usr/share/applications/invalid.berth.Berth.desktop
if command -v desktop-file-validate >/dev/null; then desktop-file-validate "$desktop"; fi
grep -qx 'Exec=berth' "$desktop" || fail "the menu entry does not run berth"
version=$(LANGUAGE=en "$berth" --version)
echo "$version"
[ "$version" = "berth 0.1.0" ] || fail "berth --version printed \"$version\""

if [ ! -f "$guest/vmlinuz" ]; then
    skip "the test guest is not built ($guest): the lifecycle was not run"
fi
echo "== CLI lifecycle from the unpacked files"
export BERTH_LIBRARY=$work/lib XDG_RUNTIME_DIR=$work/run LANGUAGE=en
mkdir -m 700 "$work/run"
run() { echo "\$ berth $*"; "$berth" "$@"; }
run create pkgtest --memory 256 --kernel "$guest/vmlinuz" --initrd "$guest/initrd.img" \
    --append "console=ttyS0 quiet" --accel tcg
run start pkgtest
run list --json | tee "$work/list.json"
grep -q '"state": *"running"' "$work/list.json" || fail "the VM is not listed as running"
# The guest answers the power button once it has booted (its init prints this line).
for _ in $(seq 900); do
    "$berth" log pkgtest 2>/dev/null | grep -q BERTH-GUEST-READY && break
    sleep 0.1
done
"$berth" log pkgtest | grep -q BERTH-GUEST-READY || fail "the guest did not boot"
run stop pkgtest --timeout 60 | tee "$work/stop.txt"
grep -qx 'pkgtest stopped' "$work/stop.txt" || fail "the guest did not shut down cleanly"
run list | tee "$work/list.txt"
grep -qP '^pkgtest\tstopped' "$work/list.txt" || fail "the VM did not stop"
run delete pkgtest
run list --json | tee "$work/list.json"
if grep -q pkgtest "$work/list.json"; then fail "the VM was not deleted"; fi
echo "PASS: the .deb installs and works"
