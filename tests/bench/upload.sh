#!/usr/bin/env bash
# `make bench`, part 2: what one 24-megapixel photo costs. Uploads a 6000 × 4000 JPEG (made here
# with the vips command line: a pattern with noise, about 10 MB) to the real server through the
# request page's upload form, once alone and then four at a time, and prints the time each
# upload took (the answer comes after the checks, the derivatives and the commit) and the
# server's memory: resident set before, and its peak (VmHWM) after each round. Passes or fails
# nothing on time. The report also goes to test-output/bench/upload.txt.
#
# Needs build/siaran, curl and vips (libvips-tools; scripts/install-deps.sh installs them).
set -euo pipefail

ROOT=$(cd "$(dirname "$0")/../.." && pwd)
cd "$ROOT"
BIN=${SIARAN_BIN:-build/siaran}
OUT=test-output/bench
REPORT=$OUT/upload.txt
mkdir -p "$OUT"
for tool in curl vips; do
	command -v "$tool" >/dev/null 2>&1 || { echo "bench: $tool is missing (scripts/install-deps.sh)" >&2; exit 1; }
done

WORK=$(mktemp -d)
PID=""
cleanup() {
	[ -n "$PID" ] && kill "$PID" 2>/dev/null && wait "$PID" 2>/dev/null
	rm -rf "$WORK"
}
trap cleanup EXIT

# Four different photos (so none is deduplicated): the same pattern, different noise.
for i in 1 2 3 4; do
	vips sines "$WORK/s.v" 6000 4000 --hfreq 3 --vfreq "$((i + 1))"
	vips linear "$WORK/s.v" "$WORK/s2.v" 100 128
	vips gaussnoise "$WORK/n.v" 6000 4000 --mean 0 --sigma 12
	vips add "$WORK/s2.v" "$WORK/n.v" "$WORK/m.v"
	vips cast "$WORK/m.v" "$WORK/c.v" uchar
	vips bandjoin "$WORK/c.v $WORK/c.v $WORK/c.v" "$WORK/rgb.v"
	vips copy "$WORK/rgb.v" "$WORK/photo$i.jpg[Q=90]"
done
rm -f "$WORK"/*.v

export SIARAN_DB="$WORK/siaran.db" SIARAN_DATA="$WORK/data"
"$BIN" migrate >/dev/null 2>&1
printf 'bench-contributor-9\n' | "$BIN" user add --email bench@example.go.id --name Bench \
	--role contributor --unit DINKES --password-stdin >/dev/null
"$BIN" serve --listen 127.0.0.1:0 >"$WORK/serve.log" 2>&1 &
PID=$!
BASE=""
for _ in $(seq 100); do
	BASE=$(sed -n 's/^listening on \(http:[^ ]*\).*/\1/p' "$WORK/serve.log" | head -1)
	[ -n "$BASE" ] && break
	sleep 0.1
done
[ -n "$BASE" ] || { echo "bench: the server did not start" >&2; cat "$WORK/serve.log" >&2; exit 1; }

JAR="$WORK/jar"
token() { curl -s -b "$JAR" -c "$JAR" "$BASE$1" | sed -n 's/.*name="csrf_token" value="\([0-9a-f]*\)".*/\1/p' | head -1; }
curl -s -o /dev/null -b "$JAR" -c "$JAR" -d "email=bench@example.go.id&password=bench-contributor-9&csrf_token=$(token /login)" "$BASE/login"
T=$(token /requests/new)
LOC=$(curl -s -o /dev/null -w '%{redirect_url}' -b "$JAR" -c "$JAR" -F csrf_token="$T" -F kind=press_release \
	-F "title=Uji kinerja unggah foto 24 megapiksel" -F action=save "$BASE/requests")
REQ=${LOC##*/requests/}
[ -n "$REQ" ] || { echo "bench: could not create a request" >&2; exit 1; }

mem() { awk -v k="$1:" '$1 == k { print $2 / 1024 }' "/proc/$PID/status"; }
upload() {
	curl -s -o /dev/null -w '%{http_code} %{time_total}\n' -b "$JAR" -F csrf_token="$T" \
		-F photo=@"$1" -F "photo_caption=Uji kinerja" -F "photo_credit=Bench" "$BASE/requests/$REQ/media"
}

{
	echo "siaran upload benchmark, $(date -u '+%Y-%m-%d %H:%M UTC'), $(nproc) cores"
	echo "photo: 6000 x 4000 JPEG, $(du -k "$WORK/photo1.jpg" | cut -f1) KiB (24 megapixels)"
	printf 'server before: resident %.1f MiB, peak %.1f MiB (the login: an argon2id hash takes 64 MiB)\n' "$(mem VmRSS)" "$(mem VmHWM)"
	read -r code secs < <(upload "$WORK/photo1.jpg")
	printf 'one upload: HTTP %s in %.2f s (checks, 480/1200 px JPEG+WebP, full-size copy, commit)\n' "$code" "$secs"
	printf 'server after one: peak %.1f MiB\n' "$(mem VmHWM)"
	start=$(date +%s.%N)
	pids=()
	for i in 2 3 4; do
		upload "$WORK/photo$i.jpg" >"$WORK/up$i" &
		pids+=("$!")
	done
	wait "${pids[@]}"
	end=$(date +%s.%N)
	for i in 2 3 4; do read -r code secs <"$WORK/up$i"; printf '  concurrent upload %d: HTTP %s in %.2f s\n' "$i" "$code" "$secs"; done
	printf 'three at once: %.2f s in all (at most 2 photos are processed at a time)\n' "$(awk -v a="$start" -v b="$end" 'BEGIN { print b - a }')"
	printf 'server after: peak %.1f MiB, resident %.1f MiB\n' "$(mem VmHWM)" "$(mem VmRSS)"
	echo "stored: $(find "$SIARAN_DATA/media" -type f | wc -l) files, $(du -sk "$SIARAN_DATA/media" | cut -f1) KiB"
} | tee "$REPORT"
