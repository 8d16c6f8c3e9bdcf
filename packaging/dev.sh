#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-2.0-or-later
# The README's Quick start. On a fresh Debian 12 / Ubuntu 24.04 machine:
#   packaging/dev.sh run    install what is missing, build Berth alone, start it
#   packaging/dev.sh test   install what is missing, build, run the whole test suite
# (run builds only the berth executable of the dev preset, with the translations and icons it
# embeds; test builds the CI preset with -Werror and every test and benchmark, runs them, then
# the unit tests under ASan/UBSan, then fuzzes the QMP parser for 30 seconds)
set -euo pipefail

here=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
cd "$here"

usage() {
    echo "usage: packaging/dev.sh run|test" >&2
    exit 2
}

sudo=()
[ "$(id -u)" -eq 0 ] || sudo=(sudo)

install_missing() {
    local wanted=() missing=() pkg
    mapfile -t wanted < <(grep -vE '^\s*(#|$)' packaging/debian/build-deps.txt)
    for pkg in "${wanted[@]}"; do
        dpkg-query -W -f='${Status}' "$pkg" 2>/dev/null | grep -q 'install ok installed' || missing+=("$pkg")
    done
    if [ ${#missing[@]} -gt 0 ]; then
        echo "Installing: ${missing[*]}"
        "${sudo[@]}" apt-get update -q
        "${sudo[@]}" env DEBIAN_FRONTEND=noninteractive \
            apt-get install -y -q --no-install-recommends "${missing[@]}"
    elif ! compgen -G '/var/lib/apt/lists/*_Packages' >/dev/null; then
        # The test guest's kernel is fetched with apt-get download, which needs the lists.
        "${sudo[@]}" apt-get update -q
    fi
}

# ccache, when it is installed, makes rebuilds and fresh clones cheap. The build's own
# paths are left out of its keys, so another checkout of the same sources hits too.
if command -v ccache >/dev/null && [ -z "${CMAKE_CXX_COMPILER_LAUNCHER:-}" ]; then
    export CMAKE_C_COMPILER_LAUNCHER=ccache CMAKE_CXX_COMPILER_LAUNCHER=ccache
    export CCACHE_BASEDIR="$here" CCACHE_NOHASHDIR=1
fi

# build PRESET [TARGET...]: configure, then build the targets (all when none is named).
build() {
    local preset=$1 targets=("${@:2}")
    cmake --preset "$preset"
    cmake --build --preset "$preset" ${targets[@]:+--target "${targets[@]}"}
}

case "${1:-}" in
run)
    install_missing
    build dev berth # not the tests and benchmarks: 130 build steps instead of about 370
    exec build/dev/bin/berth "${@:2}"
    ;;
test)
    install_missing
    build ci
    ctest --preset ci
    build asan
    ctest --preset asan
    # A short fuzz run of the QMP stream parser (clang + libFuzzer); new inputs go to the
    # build tree, the committed corpus is only read.
    build fuzz fuzz_qmp_stream
    mkdir -p build/fuzz/corpus-new
    build/fuzz/bin/fuzz_qmp_stream build/fuzz/corpus-new tests/fuzz/corpus/qmp_stream \
        -max_total_time=30
    ;;
*)
    usage
    ;;
esac
