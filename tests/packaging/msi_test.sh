#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-2.0-or-later
# msi_test.sh WINDOWS_DIR: berth.wxs builds into an MSI (with stand-in files, as the real
# ones come from a Windows build) whose Start menu shortcut runs berth.exe.
set -euo pipefail
dir=$1
for tool in wixl wixl-heat msiinfo; do
    command -v "$tool" >/dev/null || { echo "SKIPPED: $tool is not installed (wixl, msitools)"; exit 77; }
done
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
mkdir -p "$work/stage/platforms"
echo stand-in >"$work/stage/berth.exe"
echo stand-in >"$work/stage/Qt6Core.dll"
echo stand-in >"$work/stage/platforms/qwindows.dll"
echo stand-in >"$work/stage/berth.ico"
bash "$dir/build-msi.sh" "$work/stage" 0.1.0 "$work/Berth.msi"
msiinfo export "$work/Berth.msi" Shortcut | grep -q '\[INSTALLDIR\]berth.exe' ||
    { echo "FAIL: no Start menu shortcut to berth.exe" >&2; exit 1; }
msiinfo export "$work/Berth.msi" File | grep -q 'qwindows.dll' ||
    { echo "FAIL: the platform plugin is not in the MSI" >&2; exit 1; }
echo "PASS: the MSI builds"
