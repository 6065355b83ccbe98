#!/bin/sh
# Installs what siaran needs to build, run and test, from Debian packages (and npm for the
# browser tests). Does nothing when everything is present. As root it runs apt-get; otherwise it
# names the missing packages and stops.
#
#   scripts/install-deps.sh          what `make run` and `make test` need
#   scripts/install-deps.sh bench    the same, plus wrk and nginx for `make bench`
set -eu

case "${1:-}" in
"" | bench) ;;
*)
	echo "usage: $0 [bench]" >&2
	exit 2
	;;
esac

PACKAGES="build-essential pkg-config libmicrohttpd-dev libsqlite3-dev sqlite3 libjansson-dev
libctemplate-dev libsodium-dev libmd4c-dev libmd4c-html0-dev zlib1g-dev libical-dev libcurl4-openssl-dev
libvips-dev libvips-tools libqpdf-dev qpdf libcriterion-dev chromium python3-aiosmtpd libimage-exiftool-perl
clang libclang-rt-14-dev cppcheck clang-tidy valgrind sqlmap slowhttptest"

missing=""
for p in $PACKAGES; do
	if ! dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed"; then
		missing="$missing $p"
	fi
done
# Node.js may come from another Debian-format package (its npm included); only when there is no
# node or npm at all are Debian's own packages asked for.
command -v node >/dev/null 2>&1 || missing="$missing nodejs"
command -v npm >/dev/null 2>&1 || missing="$missing npm"
# The benchmark's load generator and reference static server. Any installed nginx flavour will
# do; otherwise Debian's smallest one.
if [ "${1:-}" = bench ]; then
	command -v wrk >/dev/null 2>&1 || missing="$missing wrk"
	command -v curl >/dev/null 2>&1 || missing="$missing curl"
	if ! command -v nginx >/dev/null 2>&1 && [ ! -x /usr/sbin/nginx ]; then
		missing="$missing nginx-light" # Debian 12; replaced by nginx where it no longer exists
	fi
fi

if [ -n "$missing" ]; then
	if [ "$(id -u)" -eq 0 ]; then
		echo "installing Debian packages:$missing"
		export DEBIAN_FRONTEND=noninteractive
		apt-get update -qq
		case "$missing" in
		*nginx-light*)
			apt-cache show nginx-light >/dev/null 2>&1 || missing=$(echo "$missing" | sed 's/nginx-light/nginx/')
			;;
		esac
		# shellcheck disable=SC2086
		apt-get install -y -qq --no-install-recommends $missing >/dev/null
	else
		echo "siaran needs these Debian packages; install them as root:" >&2
		echo "  apt-get install --no-install-recommends$missing" >&2
		exit 1
	fi
fi

# Browser-test tooling from npm, pinned by package-lock.json; only when it is missing or stale.
cd "$(dirname "$0")/.."
if [ ! -d node_modules/playwright-core ] || [ package-lock.json -nt node_modules/.package-lock.json ]; then
	npm ci --no-audit --no-fund --loglevel=error
fi
