#!/bin/sh
# `make lint`: static analysis over src/, clean or a non-zero exit.
#   cppcheck  --enable=warning,performance,portability, inline suppressions allowed, plus the
#             justified false positives in tests/lint/cppcheck-suppressions.txt;
#   clang-tidy the checks in .clang-tidy (every finding an error), each file compiled with the
#             project's flags (CPPFLAGS and PKG_CFLAGS from the Makefile), NPROC files at once.
set -u
cd "$(dirname "$0")/../.."
: "${CPPFLAGS:=-D_GNU_SOURCE -Isrc}"
: "${PKG_CFLAGS:=}"
# libvips' pkg-config names the multiarch system directory (-I/usr/include/x86_64-linux-gnu);
# as a user include directory it makes clang-tidy's analyzer misread <stdarg.h> (every va_list
# "uninitialized"). It is searched as a system directory anyway: drop it.
PKG_CFLAGS=$(printf '%s\n' "$PKG_CFLAGS" | sed 's|-I/usr/include/[a-z0-9_]*-linux-gnu\( \|$\)||g')
jobs="${NPROC:-$(nproc 2>/dev/null || echo 2)}"
failed=""

for tool in cppcheck clang-tidy; do
	command -v "$tool" >/dev/null 2>&1 || { echo "lint: $tool is not installed (scripts/install-deps.sh)" >&2; exit 1; }
done

echo "== cppcheck"
# cppcheck knows C11 at most; the project's C17 adds nothing it would read differently.
if ! cppcheck --enable=warning,performance,portability --error-exitcode=1 --inline-suppr \
	--suppressions-list=tests/lint/cppcheck-suppressions.txt --std=c11 --language=c \
	-D_GNU_SOURCE -Isrc --quiet -j "$jobs" $(find src -name '*.c' | sort); then
	failed="$failed cppcheck"
fi
if ! cppcheck --enable=warning,performance,portability --error-exitcode=1 --inline-suppr \
	--suppressions-list=tests/lint/cppcheck-suppressions.txt --std=c++17 --language=c++ \
	-D_GNU_SOURCE -Isrc --quiet $(find src -name '*.cc' | sort); then
	failed="$failed cppcheck"
fi

echo "== clang-tidy ($jobs at once)"
out=$(mktemp)
trap 'rm -f "$out"' EXIT
# shellcheck disable=SC2086
find src -name '*.c' -o -name '*.cc' | sort | xargs -P "$jobs" -I{} sh -c '
	f="$1"; shift
	case "$f" in
	*.cc) std="-std=c++17 -x c++" ;;
	*) std="-std=c17" ;;
	esac
	clang-tidy --quiet "$f" -- $std "$@" >"$0.$$.$(echo "$f" | tr / _)" 2>/dev/null ||
		echo "$f" >>"$0.failed"
' "$out" {} $CPPFLAGS $PKG_CFLAGS
cat "$out".* 2>/dev/null | grep -E 'warning:|error:|^ ' | grep -v '^ *[0-9]* warnings* generated' || true
if [ -s "$out.failed" ]; then
	echo "clang-tidy findings in: $(sort "$out.failed" | tr '\n' ' ')"
	failed="$failed clang-tidy"
fi
rm -f "$out".* 

if [ -n "$failed" ]; then
	echo "lint FAILED:$failed"
	exit 1
fi
echo "lint: cppcheck and clang-tidy clean"
