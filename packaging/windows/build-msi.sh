#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-2.0-or-later
# build-msi.sh STAGE VERSION OUTPUT.msi
#   STAGE is the folder windeployqt filled on Windows (berth.exe, Qt DLLs, plugins, qt.conf,
#   berth.ico). Lists it into berth-files.wxs with wixl-heat and builds the MSI with wixl
#   (Debian: apt-get install wixl msitools). On Windows, WiX 3's heat/candle/light do the same.
set -euo pipefail
stage=$(cd "$1" && pwd) version=$2 output=$3
here=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
output=$(cd "$(dirname "$output")" && pwd)/$(basename "$output")
# wixl resolves the sources relative to the current folder.
cd "$(dirname "$stage")"
name=$(basename "$stage")
find "$name" -type f | sort |
    wixl-heat -p "$name/" --directory-ref INSTALLDIR --component-group BerthFiles \
        --var var.SourceDir --win64 >"$work/berth-files.wxs"
wixl -a x64 -D SourceDir="$name" -D Version="$version" -D Win64=yes \
    -o "$output" "$here/berth.wxs" "$work/berth-files.wxs"
echo "$output"
