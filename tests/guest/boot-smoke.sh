#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-2.0-or-later
# Smoke test of the tiny test guest: boots GUESTDIR (from build-guest.sh) under TCG,
# waits for BERTH-GUEST-READY and BERTH-TICK 3 on the serial console, then presses the
# ACPI power button over QMP (system_powerdown) and expects QEMU to exit by itself.
# QEMU: $BERTH_TEST_QEMU, else qemu-system-x86_64 from PATH (exit 77 = skipped if none).
set -euo pipefail

[[ $# -eq 1 ]] || { echo "usage: boot-smoke.sh GUESTDIR" >&2; exit 2; }
guest=$(cd "$1" && pwd)
qemu=${BERTH_TEST_QEMU:-qemu-system-x86_64}
command -v "$qemu" >/dev/null || { echo "SKIP: $qemu not found"; exit 77; }
for f in vmlinuz initrd.img; do
    [[ -f $guest/$f ]] || { echo "FAIL: $guest/$f missing: run build-guest.sh" >&2; exit 1; }
done

tmp=$(mktemp -d "${TMPDIR:-/tmp}/berth-smoke.XXXXXX")
qemu_pid=
cleanup() {
    if [[ -n $qemu_pid ]] && kill -0 "$qemu_pid" 2>/dev/null; then
        kill -KILL "$qemu_pid" 2>/dev/null || true
        wait "$qemu_pid" 2>/dev/null || true
    fi
    rm -rf "$tmp"
}
trap cleanup EXIT
trap 'exit 1' INT TERM

fail() {
    echo "FAIL: $*" >&2
    echo "--- last 40 lines of the serial log ---" >&2
    tail -n 40 "$tmp/serial.log" 2>/dev/null | tr -d '\r' >&2 || true
    echo "--- QEMU's stderr ---" >&2
    cat "$tmp/qemu.err" >&2 2>/dev/null || true
    exit 1
}

now() { echo $(($(date +%s%N) / 1000000)); } # milliseconds
since() { local ms=$(($(now) - $1)); printf '%d.%02d' $((ms / 1000)) $((ms % 1000 / 10)); }

# wait_for WORDS DEADLINE_MS: until the serial log has WORDS (as whole words).
wait_for() {
    until grep -qaw -- "$1" "$tmp/serial.log" 2>/dev/null; do
        kill -0 "$qemu_pid" 2>/dev/null || fail "QEMU exited before '$1'"
        (($(now) < $2)) || fail "no '$1' on the serial console within 60 s"
        sleep 0.1
    done
}

# qmp COMMAND: connects, does the handshake, runs COMMAND, prints its reply.
qmp() {
    if command -v socat >/dev/null; then
        local reply
        reply=$(printf '{"execute":"qmp_capabilities"}\n{"execute":"%s"}\n' "$1" \
                | socat -t 5 - "UNIX-CONNECT:$tmp/qmp.sock") || return 1
        echo "$reply"
        # The greeting, then one "return" per command (events may come in between).
        [[ $(grep -c '"return"' <<<"$reply") -eq 2 ]]
    else
        python3 - "$tmp/qmp.sock" "$1" <<'EOF'
import json, socket, sys
sock = socket.socket(socket.AF_UNIX)
sock.settimeout(10)
sock.connect(sys.argv[1])
f = sock.makefile("rwb")
def reply():  # the next message that is not an event
    while True:
        line = f.readline()
        if not line:
            sys.exit("QMP connection closed")
        msg = json.loads(line)
        if "event" not in msg:
            return msg
def run(command):
    f.write(json.dumps({"execute": command}).encode() + b"\n")
    f.flush()
    msg = reply()
    print(json.dumps(msg))
    if "return" not in msg:
        sys.exit(f"{command} failed")
greeting = reply()
if "QMP" not in greeting:
    sys.exit(f"not a QMP greeting: {greeting}")
run("qmp_capabilities")
run(sys.argv[2])
EOF
    fi
}

start=$(now)
deadline=$((start + 60000))
"$qemu" -accel tcg -m 256 -nodefaults -no-user-config -display none \
    -kernel "$guest/vmlinuz" -initrd "$guest/initrd.img" -append "console=ttyS0 quiet" \
    -chardev "file,id=s0,path=$tmp/serial.log" -serial chardev:s0 \
    -device virtio-balloon \
    -qmp "unix:$tmp/qmp.sock,server=on,wait=off" \
    </dev/null >"$tmp/qemu.err" 2>&1 &
qemu_pid=$!

wait_for BERTH-GUEST-READY "$deadline"
echo "BERTH-GUEST-READY after $(since "$start") s"
wait_for "BERTH-TICK 3" "$deadline"
echo "BERTH-TICK 3 after $(since "$start") s"

pressed=$(now)
qmp system_powerdown || fail "system_powerdown over QMP failed"
for _ in $(seq 200); do
    kill -0 "$qemu_pid" 2>/dev/null || break
    sleep 0.1
done
kill -0 "$qemu_pid" 2>/dev/null && fail "QEMU still runs 20 s after system_powerdown"
status=0
wait "$qemu_pid" || status=$?
qemu_pid=
[[ $status -eq 0 ]] || fail "QEMU exited with status $status"
grep -qaw BERTH-POWER-BUTTON "$tmp/serial.log" || fail "QEMU exited but the guest never saw the power button"
echo "QEMU exited $(since "$pressed") s after system_powerdown"
echo "PASS"
