#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-2.0-or-later
# with-openbox.sh COMMAND [ARG...]: runs COMMAND on a private X server (Xvfb) with a real
# window manager (openbox), as a person's desktop would be: focus, typing (xdotool), full
# screen and window placement work there as they do for a user, which a bare Xvfb or Qt's
# offscreen platform cannot show. Exits 77 (skipped) when Xvfb or openbox is missing.
# BERTH_XVFB_SCREEN sets the screen (default 1280x800x24).
set -uo pipefail

for tool in Xvfb openbox xdotool; do
    command -v "$tool" >/dev/null || { echo "with-openbox.sh: $tool is not installed" >&2; exit 77; }
done

work=$(mktemp -d)
cleanup() {
    [ -n "${wm:-}" ] && kill "$wm" 2>/dev/null
    [ -n "${xvfb:-}" ] && kill "$xvfb" 2>/dev/null
    wait 2>/dev/null
    rm -rf "$work"
}
trap cleanup EXIT

# Xvfb picks a free display itself and writes its number once it accepts clients.
exec 3>"$work/display"
Xvfb -displayfd 3 -screen 0 "${BERTH_XVFB_SCREEN:-1280x800x24}" -nolisten tcp -noreset \
    >"$work/xvfb.log" 2>&1 &
xvfb=$!
exec 3>&-
for _ in $(seq 100); do
    [ -s "$work/display" ] && break
    kill -0 "$xvfb" 2>/dev/null || { cat "$work/xvfb.log" >&2; exit 1; }
    sleep 0.1
done
export DISPLAY=":$(head -1 "$work/display")"

openbox --sm-disable >"$work/openbox.log" 2>&1 &
wm=$!
# openbox owns the WM selection once it manages windows.
for _ in $(seq 100); do
    xprop -root _NET_SUPPORTING_WM_CHECK 2>/dev/null | grep -q 'window id' && break
    sleep 0.1
done

export QT_QPA_PLATFORM=xcb
"$@"
