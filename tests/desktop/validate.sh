#!/bin/sh
# SPDX-License-Identifier: GPL-2.0-or-later
# validate.sh TOOL PACKAGE FILE: runs desktop-file-validate or appstreamcli validate on FILE.
# Fails on any error or warning; exits 77 (ctest: skipped) when TOOL is not installed.
tool=$1 package=$2 file=$3
if ! command -v "$tool" >/dev/null 2>&1; then
    echo "SKIPPED: $tool is not installed (apt-get install $package)"
    exit 77
fi
case $tool in
appstreamcli) appstreamcli validate --no-net --explain "$file" ;;
*) "$tool" "$file" && echo "$file: valid" ;;
esac
