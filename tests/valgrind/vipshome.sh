#!/bin/sh
# Prints a VIPSHOME for running siaran under valgrind: a directory whose lib/vips-modules-X.Y
# links every libvips module of the system except vips-jxl. libvips loads its modules at
# vips_init; the JPEG XL one pulls in libhwy, whose start-up code runs RDTSCP, an instruction
# valgrind 3.19 cannot run (the server dies with SIGILL before it listens). JPEG XL is not an
# upload format of siaran (src/core/image.c), so nothing under test needs it. Usage:
#   VIPSHOME=$(tests/valgrind/vipshome.sh DIR) ...
set -eu
dir="$1"
libdir=$(pkg-config --variable=libdir vips)
ver=$(pkg-config --modversion vips | cut -d. -f1,2)
mods="$dir/lib/vips-modules-$ver"
rm -rf "$dir"
mkdir -p "$mods"
for m in "$libdir/vips-modules-$ver"/*.so; do
	[ -e "$m" ] || continue
	case "$(basename "$m")" in
	vips-jxl.so) ;;
	*) ln -s "$m" "$mods/" ;;
	esac
done
cd "$dir" && pwd
