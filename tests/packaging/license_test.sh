#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-2.0-or-later
# license_test.sh SOURCE_DIR: Berth is GPL-2.0-or-later, and says so everywhere it should:
# the LICENSE file, the first lines of every C/C++ source, CMake file and shell script, and
# the AppStream metadata.
set -euo pipefail
src=$1
fail() { echo "FAIL: $*" >&2; exit 1; }
cd "$src"
grep -q 'GNU GENERAL PUBLIC LICENSE' LICENSE && grep -q 'Version 2, June 1991' LICENSE ||
    fail "LICENSE is not the GPL version 2"
grep -q '<project_license>GPL-2.0-or-later</project_license>' \
    packaging/linux/invalid.berth.Berth.metainfo.xml || fail "the metainfo lacks project_license"
missing=0 checked=0
while IFS= read -r -d '' file; do
    checked=$((checked + 1))
    if ! head -n 3 "$file" | grep -q 'SPDX-License-Identifier: GPL-2.0-or-later'; then
        echo "no SPDX line: $file"
        missing=$((missing + 1))
    fi
done < <(find app ui qmp models tests bench packaging CMakeLists.txt \
              -path tests/fuzz/corpus -prune -o \
              \( -name '*.cpp' -o -name '*.h' -o -name '*.c' -o -name CMakeLists.txt \
                 -o -name '*.sh' \) -type f -print0)
echo "$checked files checked, $missing without an SPDX line"
[ "$missing" -eq 0 ] || fail "add '// SPDX-License-Identifier: GPL-2.0-or-later' (or '# ...') to the files above"
