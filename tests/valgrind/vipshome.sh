#!/bin/sh
# Prints a VIPSHOME for running siaran under valgrind: a directory whose vips-modules-X.Y
# links every libvips module of the system except vips-jxl. libvips loads its modules at
# vips_init; the JPEG XL one pulls in libhwy, whose start-up code runs RDTSCP, an instruction
# valgrind 3.19 cannot run (the server dies with SIGILL before it listens). JPEG XL is not an
# upload format of siaran (src/core/image.c), so nothing under test needs it. Usage:
#   VIPSHOME=$(tests/valgrind/vipshome.sh DIR) ...
set -eu
dir="$1"
libdir=$(pkg-config --variable=libdir vips)
ver=$(pkg-config --modversion vips | cut -d. -f1,2)
# libvips looks for its modules in VIPSHOME/<last part of its libdir>/vips-modules-X.Y
# (seen with strace: .../x86_64-linux-gnu/vips-modules-8.14 on Debian).
mods="$dir/$(basename "$libdir")/vips-modules-$ver"
rm -rf "$dir"
mkdir -p "$mods"
for m in "$libdir/vips-modules-$ver"/*.so; do
	[ -e "$m" ] || continue
	case "$(basename "$m")" in
	vips-jxl.so) ;;
	*) ln -s "$m" "$mods/" ;;
	esac
done
home=$(cd "$dir" && pwd)
# The check that it works: every other module is loaded (HEIC photos are tested), JPEG XL is not.
loaders=$(VIPSHOME="$home" vips -l)
if [ -e "$libdir/vips-modules-$ver/vips-heif.so" ] && ! echo "$loaders" | grep -q heifload; then
	echo "vipshome.sh: libvips does not load the modules from $mods" >&2
	exit 1
fi
if echo "$loaders" | grep -q jxlload; then
	echo "vipshome.sh: libvips still loads its JPEG XL module" >&2
	exit 1
fi
echo "$home"
