#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-2.0-or-later
# Builds Berth's tiny Linux test guest into OUTDIR:
#   OUTDIR/vmlinuz         the kernel of Debian's cloud flavour (Ubuntu: the generic one)
#   OUTDIR/initrd.img      gzip'd newc cpio: busybox-static, a few modules, ./init
#   OUTDIR/kernel-version  e.g. 6.1.0-56-cloud-amd64
# FLAVOUR (optional): "cloud" (the default, 27 MB download) or "usb": Debian's generic
# kernel (70 MB), whose USB and HID modules let the guest see QEMU's usb-tablet. The
# cloud kernel has no USB at all.
# Boot it with: -kernel OUTDIR/vmlinuz -initrd OUTDIR/initrd.img -append console=ttyS0
#
# Needs no root: the kernel package is fetched with `apt-get download` and unpacked
# with `dpkg -x`. Needs the busybox-static and cpio packages installed on the host.
# Does nothing when both files exist and are newer than this script and ./init.
# Safe to run concurrently: it builds in a temporary folder and renames into place.
set -euo pipefail
PATH=$PATH:/usr/sbin:/sbin # modinfo

die() { echo "build-guest.sh: error: $*" >&2; exit 1; }
note() { echo "build-guest.sh: $*"; }

[[ $# -eq 1 || $# -eq 2 ]] || die "usage: build-guest.sh OUTDIR [cloud|usb]"
flavour=${2:-cloud}
case $flavour in
    cloud) metas=(linux-image-cloud-amd64 linux-image-virtual linux-image-generic) ;;
    usb)   metas=(linux-image-amd64 linux-image-generic) ;;
    *)     die "unknown flavour '$flavour': use cloud or usb" ;;
esac
here=$(cd "$(dirname "$(readlink -f "${BASH_SOURCE[0]}")")" && pwd)
self="$here/build-guest.sh"
init="$here/init"
out=$1
mkdir -p "$out"
out=$(cd "$out" && pwd)

up_to_date() {
    local f
    for f in "$out/vmlinuz" "$out/initrd.img"; do
        [[ -f $f && $f -nt $self && $f -nt $init ]] || return 1
    done
}

if up_to_date; then
    note "up to date: $out ($(cat "$out/kernel-version" 2>/dev/null || echo '?'))"
    exit 0
fi

# One builder at a time per OUTDIR; whoever waited finds the work done.
if command -v flock >/dev/null; then
    exec 9>"$out/.lock"
    flock 9
    if up_to_date; then
        note "up to date: $out (built by a concurrent run)"
        exit 0
    fi
fi

# --- host tools -------------------------------------------------------------------
for tool in apt-cache apt-get dpkg dpkg-query gzip modinfo; do
    command -v "$tool" >/dev/null || die "'$tool' not found: this needs a Debian or Ubuntu host"
done
command -v cpio >/dev/null || die "'cpio' not found: install cpio (apt-get install cpio)"
[[ $(dpkg-query -W -f='${Status}' busybox-static 2>/dev/null) == *" installed" ]] \
    || die "busybox-static is not installed: install busybox-static (apt-get install busybox-static)"
busybox=/bin/busybox
[[ -x $busybox ]] || busybox=/usr/bin/busybox
[[ -x $busybox ]] || die "busybox-static is installed but /bin/busybox is missing: reinstall busybox-static"

work=$(mktemp -d "$out/.build.XXXXXX")
trap 'rm -rf "$work"' EXIT

# --- the kernel package -----------------------------------------------------------
# `apt-cache depends` of a flavour's metapackage names the versioned package, e.g.
#   linux-image-cloud-amd64
#     Depends: linux-image-6.1.0-56-cloud-amd64
depends_on() { # PACKAGE REGEX: the first dependency of PACKAGE that matches REGEX
    apt-cache depends "$1" 2>/dev/null | awk '$1 ~ /Depends:$/ { print $2 }' \
        | grep -E -m1 "$2" || true
}

lists_hint="if the package lists are empty or stale, run 'apt-get update' (as root)"
lists=/var/lib/apt/lists/
eval "$(apt-config shell lists Dir::State::Lists/d)"
if ! compgen -G "${lists%/}/*_Packages*" >/dev/null; then
    die "apt's package lists are empty: run 'apt-get update' (as root) first"
fi

kpkg=
for meta in "${metas[@]}"; do
    kpkg=$(depends_on "$meta" '^linux-image-[0-9]')
    [[ -n $kpkg ]] && break
done
[[ -n $kpkg ]] || die "no kernel package found: neither linux-image-cloud-amd64 (Debian)\
 nor linux-image-virtual/linux-image-generic (Ubuntu) names a versioned linux-image-*\
 package in 'apt-cache depends'. This needs an amd64 Debian or Ubuntu host; $lists_hint."
# Ubuntu keeps the modules in a separate package; Debian has none.
mpkg=$(depends_on "$kpkg" '^linux-modules-[0-9]')

apt_opts=(-q)
# As root, apt downloads as the _apt user, which cannot write into our private folder.
[[ $EUID -eq 0 ]] && apt_opts+=(-o APT::Sandbox::User=root)
mkdir "$work/deb" "$work/x"
note "downloading $kpkg${mpkg:+ and $mpkg}"
if ! (cd "$work/deb" && apt-get "${apt_opts[@]}" download "$kpkg" ${mpkg:+"$mpkg"}) \
        >"$work/apt.log" 2>&1; then
    cat "$work/apt.log" >&2
    die "'apt-get download $kpkg' failed; $lists_hint"
fi
for deb in "$work"/deb/*.deb; do
    dpkg -x "$deb" "$work/x"
done

vmlinuz=$(compgen -G "$work/x/boot/vmlinuz-*" | head -n1) || true
[[ -n $vmlinuz ]] || die "$kpkg has no /boot/vmlinuz-*"
kver=${vmlinuz##*/vmlinuz-}
moddir=$work/x/lib/modules/$kver
[[ -d $moddir ]] || moddir=$work/x/usr/lib/modules/$kver

# --- the initramfs ----------------------------------------------------------------
root=$work/root
mkdir -p "$root"/{bin,sbin,usr/bin,usr/sbin,lib/modules,proc,sys,dev,tmp,root}
chmod 1777 "$root/tmp"
cp "$busybox" "$root/bin/busybox"
"$busybox" --list-full | while read -r applet; do
    if [[ $applet == */* && ! -e $root/$applet ]]; then
        ln -s /bin/busybox "$root/$applet"
    fi
done
install -m 0755 "$init" "$root/init"

# Only the modules /init loads, flat, uncompressed, each after the modules it needs
# (modinfo reads that from the .ko file itself; the package has no modules.dep).
# /lib/modules/order lists them in load order for /init. Built-in or missing ones are
# reported and skipped.
modules=(virtio_ring virtio virtio_pci_legacy_dev virtio_pci_modern_dev virtio_pci
         virtio_balloon virtio_net virtio_blk evdev button)
[[ $flavour == usb ]] && modules+=(xhci_pci usbhid hid_generic)
included=() builtin=() missing=()
declare -A seen=()
add_module() { # NAME: adds NAME after its dependencies
    local m=${1//-/_} f dep
    [[ -n ${seen[$m]:-} ]] && return 0
    seen[$m]=1
    f=
    [[ -d $moddir ]] && f=$(find "$moddir" \( -name "$m.ko*" -o -name "${m//_/-}.ko*" \) \
                              -print -quit)
    if [[ -z $f ]]; then
        if grep -qE "/${m}\.ko|/${m//_/-}\.ko" "$moddir/modules.builtin" 2>/dev/null
        then builtin+=("$m"); else missing+=("$m"); fi
        return 0
    fi
    for dep in $(modinfo -F depends "$f" | tr ',' ' '); do
        add_module "$dep"
    done
    case $f in
        *.ko)     cp "$f" "$root/lib/modules/$m.ko" ;;
        *.ko.xz)  xz -dc "$f" >"$root/lib/modules/$m.ko" ;;
        *.ko.zst) command -v zstd >/dev/null || die "$f needs zstd: install zstd"
                  zstd -qdc "$f" >"$root/lib/modules/$m.ko" ;;
        *.ko.gz)  gzip -dc "$f" >"$root/lib/modules/$m.ko" ;;
        *)        die "unexpected module file $f" ;;
    esac
    echo "$m" >>"$root/lib/modules/order"
    included+=("$m")
}
: >"$root/lib/modules/order"
for m in "${modules[@]}"; do
    add_module "$m"
done

(cd "$root" && find . -mindepth 1 | LC_ALL=C sort \
    | cpio -o -H newc -R 0:0 --quiet | gzip -9n) >"$work/initrd.img"
cp "$vmlinuz" "$work/vmlinuz"
echo "$kver" >"$work/kernel-version"

# Each rename is atomic: a reader sees a whole old or a whole new file, never a part.
mv -f "$work/kernel-version" "$out/kernel-version"
mv -f "$work/initrd.img" "$out/initrd.img"
mv -f "$work/vmlinuz" "$out/vmlinuz"

note "built $out: kernel $kver ($kpkg), initrd $(stat -c %s "$out/initrd.img") bytes"
note "modules: included: ${included[*]:-none}; built in: ${builtin[*]:-none};\
 missing: ${missing[*]:-none}"
