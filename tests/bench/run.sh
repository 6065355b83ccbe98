#!/usr/bin/env bash
# `make bench`: how fast siaran serves its public pages, next to nginx serving the same pages as
# static files. Prints figures; passes or fails nothing on time (it fails only when it cannot
# run). The report also goes to test-output/bench/report.txt.
#
# 1. a database of BENCH_RELEASES (100,000) published releases: migrate, one user, gen-data.mjs
#    piped into the sqlite3 shell, index.sql (search index), ANALYZE
# 2. build/siaran serve on a free loopback port (its access log goes to a file), nginx on another
#    one serving the index page and one release page fetched from siaran
# 3. wrk on each endpoint in turn: / and /releases/SLUG against nginx; /feed.xml,
#    /api/v1/releases, one fixed search and random searches (search.lua) on siaran alone
# 4. first requests after a restart (empty cache) and ~50 distinct searches one by one
# 5. machine, database size, siaran's memory
#
# Needs build/siaran (`make build/siaran`) and scripts/install-deps.sh bench (wrk, nginx, curl).
# Settings (environment): BENCH_RELEASES (100000), BENCH_DURATION (10s per wrk run),
# BENCH_CONNECTIONS (64), BENCH_THREADS (2), BENCH_DB (a database file to reuse, or to generate
# and keep there, instead of a new one in the temporary directory).
set -euo pipefail

ROOT=$(cd "$(dirname "$0")/../.." && pwd)
cd "$ROOT"
HERE=tests/bench
BIN=${SIARAN_BIN:-build/siaran}
N=${BENCH_RELEASES:-100000}
DURATION=${BENCH_DURATION:-10s}
CONNS=${BENCH_CONNECTIONS:-64}
THREADS=${BENCH_THREADS:-2}
OUT=test-output/bench
REPORT=$OUT/report.txt

for tool in wrk curl sqlite3 node awk; do
	command -v "$tool" >/dev/null 2>&1 || {
		echo "bench: $tool is missing; run scripts/install-deps.sh bench (as root)" >&2
		exit 1
	}
done
NGINX=$(command -v nginx || true)
[ -z "$NGINX" ] && [ -x /usr/sbin/nginx ] && NGINX=/usr/sbin/nginx
[ -n "$NGINX" ] || { echo "bench: nginx is missing; run scripts/install-deps.sh bench (as root)" >&2; exit 1; }
[ -x "$BIN" ] || { echo "bench: $BIN is missing; run make build/siaran" >&2; exit 1; }

mkdir -p "$OUT"
: >"$REPORT"
WORK=$(mktemp -d "${TMPDIR:-/tmp}/siaran-bench.XXXXXX")
SIARAN_PID=""
NGINX_PID=""
STARTS=0

stop_pid() { # pid: TERM, then wait (at most 35 s: siaran lets requests in flight finish)
	local pid=$1 i
	[ -n "$pid" ] || return 0
	kill -TERM "$pid" 2>/dev/null || return 0
	for i in $(seq 350); do
		kill -0 "$pid" 2>/dev/null || break
		sleep 0.1
	done
	kill -KILL "$pid" 2>/dev/null || true
	wait "$pid" 2>/dev/null || true
}
cleanup() {
	stop_pid "$SIARAN_PID"
	SIARAN_PID=""
	stop_pid "$NGINX_PID"
	NGINX_PID=""
	rm -rf "$WORK"
}
trap cleanup EXIT
trap 'exit 130' INT
trap 'exit 143' TERM

say() { printf '%s\n' "$*" | tee -a "$REPORT"; }
step() { printf 'bench: %s\n' "$*" >&2; }
now_ms() { date +%s%3N; }
secs_since() { awk -v a="$1" -v b="$(now_ms)" 'BEGIN { printf "%.1f", (b - a) / 1000 }'; }

# A loopback TCP port nobody listens on (LISTEN sockets in /proc/net/tcp*).
free_port() {
	local p hex
	for _ in $(seq 100); do
		p=$((20000 + RANDOM % 40000))
		hex=$(printf ':%04X' "$p")
		if ! awk -v h="$hex" '$4 == "0A" && substr($2, length($2) - 4) == h { f = 1 } END { exit !f }' \
			/proc/net/tcp /proc/net/tcp6 2>/dev/null; then
			echo "$p"
			return 0
		fi
	done
	return 1
}

http_status() {
	local code
	code=$(curl -s -o /dev/null -w '%{http_code}' --max-time 30 "$1") || true
	echo "${code:-000}"
}
# A field of /proc/PID/status in MB, or "?" when the process is gone.
proc_mb() { awk -v k="$2:" '$1 == k { printf "%d", $2 / 1024 }' "/proc/$1/status" 2>/dev/null || echo "?"; }

# --- 1. database ---------------------------------------------------------------------------

if [ -n "${BENCH_DB:-}" ]; then
	DB=$BENCH_DB
	mkdir -p "$(dirname "$DB")"
else
	DB=$WORK/bench.db
fi
mkdir -p "$WORK/data"
GEN_NOTE=""
if [ -n "${BENCH_DB:-}" ] && [ -s "$DB" ]; then
	step "reusing the database $DB"
	"$BIN" migrate --db "$DB" >/dev/null 2>&1
	GEN_NOTE="reused $DB (BENCH_DB), not generated"
else
	step "generating $N published releases into $DB"
	t0=$(now_ms)
	"$BIN" migrate --db "$DB" >/dev/null 2>"$WORK/migrate.err" || { cat "$WORK/migrate.err" >&2; exit 1; }
	printf 'bench-password-%s\n' "$RANDOM$RANDOM" |
		"$BIN" user add --db "$DB" --email bench@siaran.test --name "Bench Editor" --role editor \
			--password-stdin >/dev/null
	USER_ID=$(sqlite3 "$DB" "SELECT id FROM users WHERE email = 'bench@siaran.test'")
	sqlite3 -separator $'\t' "$DB" "SELECT id, code, name FROM units WHERE active = 1 ORDER BY id" >"$WORK/units.tsv"
	t1=$(now_ms)
	node "$HERE/gen-data.mjs" --units "$WORK/units.tsv" --user "$USER_ID" --count "$N" |
		sqlite3 -bail "$DB" >/dev/null
	t2=$(now_ms)
	sqlite3 -bail "$DB" <"$HERE/index.sql" >/dev/null
	t3=$(now_ms)
	sqlite3 -bail "$DB" "ANALYZE;" >/dev/null
	t4=$(now_ms)
	GEN_NOTE=$(awk -v a="$t0" -v b="$t1" -v c="$t2" -v d="$t3" -v e="$t4" 'BEGIN {
		printf "%.1f s (migrate + user %.1f s, releases %.1f s, search index %.1f s, ANALYZE %.1f s)",
			(e - a) / 1000, (b - a) / 1000, (c - b) / 1000, (d - c) / 1000, (e - d) / 1000 }')
fi
RELEASES=$(sqlite3 "$DB" "SELECT COUNT(*) FROM requests WHERE state = 'published'")
KINDS=$(sqlite3 "$DB" "SELECT group_concat(kind || ' ' || n, ', ') FROM (SELECT kind, COUNT(*) n FROM requests WHERE state = 'published' GROUP BY kind)")
QUOTED=$(sqlite3 "$DB" "SELECT COUNT(DISTINCT request_id) FROM request_quotes")
DB_BYTES=$(sqlite3 "$DB" "PRAGMA page_count" | awk -v ps="$(sqlite3 "$DB" 'PRAGMA page_size')" '{ print $1 * ps }')
FTS_BYTES=$(sqlite3 "$DB" "SELECT SUM(pgsize) FROM dbstat WHERE name LIKE 'releases_fts%'" 2>/dev/null || echo "")
TERMS=$(sqlite3 "$DB" "CREATE VIRTUAL TABLE temp.v USING fts5vocab(main, releases_fts, row); SELECT COUNT(*) FROM temp.v WHERE term GLOB '*[a-z]*'" 2>/dev/null || echo "?")
# The release page compared with nginx: a press release with quotes, from the middle of the list.
SLUG=$(sqlite3 "$DB" "SELECT slug FROM requests WHERE state = 'published' AND kind = 'press_release'
	AND id IN (SELECT request_id FROM request_quotes) ORDER BY published_at DESC, id DESC
	LIMIT 1 OFFSET (SELECT COUNT(*) / 3 FROM requests WHERE state = 'published')")
[ -n "$SLUG" ] || SLUG=$(sqlite3 "$DB" "SELECT slug FROM requests WHERE state = 'published' ORDER BY published_at DESC LIMIT 1")

# --- 2. servers ----------------------------------------------------------------------------

# Starts siaran on a free port; its first stdout line gives the port, the rest (the access log,
# one line per request) stays in a file in the temporary directory.
start_siaran() {
	STARTS=$((STARTS + 1))
	SIARAN_LOG=$WORK/siaran-$STARTS.log
	: >"$SIARAN_LOG"
	"$BIN" serve --db "$DB" --data "$WORK/data" --listen 127.0.0.1:0 >"$SIARAN_LOG" 2>"$WORK/siaran-$STARTS.err" &
	SIARAN_PID=$!
	local i line=""
	for i in $(seq 300); do
		line=$(head -n 1 "$SIARAN_LOG")
		case "$line" in "listening on http://"*) break ;; esac
		kill -0 "$SIARAN_PID" 2>/dev/null || break
		sleep 0.1
	done
	case "$line" in
	"listening on http://"*) SIARAN=${line#listening on } ;;
	*)
		echo "bench: siaran did not start:" >&2
		cat "$WORK/siaran-$STARTS.err" >&2
		exit 1
		;;
	esac
}
restart_siaran() {
	stop_pid "$SIARAN_PID"
	SIARAN_PID=""
	start_siaran
}

step "starting siaran"
start_siaran
[ "$(http_status "$SIARAN/")" = 200 ] || { echo "bench: siaran / does not answer 200" >&2; exit 1; }

step "starting nginx"
NGX=$WORK/nginx
mkdir -p "$NGX/html" "$NGX/tmp"
# Fetched like the benchmark fetches them: no Accept-Encoding, so not compressed.
curl -sS --fail -o "$NGX/html/index.html" "$SIARAN/"
curl -sS --fail -o "$NGX/html/release.html" "$SIARAN/releases/$SLUG"
NGINX_PORT=$(free_port)
TEMP_PATHS=""
NGINX_V=$("$NGINX" -V 2>&1)
for t in client-body proxy fastcgi uwsgi scgi; do
	case "$NGINX_V" in
	*"--http-$t-temp-path"*) TEMP_PATHS="$TEMP_PATHS	${t//-/_}_temp_path $NGX/tmp/$t;
" ;;
	esac
done
WORKERS=$(nproc 2>/dev/null || echo 2)
awk -v dir="$NGX" -v port="$NGINX_PORT" -v workers="$WORKERS" -v temp="$TEMP_PATHS" '{
	gsub(/@DIR@/, dir); gsub(/@PORT@/, port); gsub(/@WORKERS@/, workers)
	if ($0 ~ /@TEMP_PATHS@/) { printf "%s", temp; next }
	print }' "$HERE/nginx.conf.in" >"$NGX/nginx.conf"
# nginx's workers run as an unprivileged user when started by root: they must read the files.
chmod 711 "$WORK"
chmod 755 "$NGX" "$NGX/html"
chmod 644 "$NGX/html/"*.html
"$NGINX" -p "$NGX/" -c "$NGX/nginx.conf" -e "$NGX/error.log" -g 'daemon off;' 2>"$NGX/stderr.log" &
NGINX_PID=$!
NG=http://127.0.0.1:$NGINX_PORT
for i in $(seq 100); do
	[ "$(http_status "$NG/index.html")" = 200 ] && break
	kill -0 "$NGINX_PID" 2>/dev/null || break
	sleep 0.1
done
[ "$(http_status "$NG/index.html")" = 200 ] || {
	echo "bench: nginx did not start:" >&2
	cat "$NGX/stderr.log" "$NGX/error.log" >&2
	exit 1
}

# --- 3. throughput -------------------------------------------------------------------------

LOAD_START=$(cut -d' ' -f1-3 /proc/loadavg)
# Runs wrk on a URL; sets R_RPS R_P50 R_P99 (ms) R_KB (response size with headers) R_ERR
# R_NON2XX, or R_STATUS when the URL does not answer 200 (then wrk is not run).
run_wrk() { # name url [lua script]
	local name=$1 url=$2 script=${3:-$HERE/report.lua} line
	R_STATUS=$(http_status "$url")
	R_RPS="" R_P50="" R_P99="" R_KB="" R_ERR=0 R_NON2XX=0
	[ "$R_STATUS" = 200 ] || return 0
	curl -s -o /dev/null "$url" # a second request: from siaran's cache, if it caches this
	step "wrk $name ($DURATION, $CONNS connections)"
	wrk -t"$THREADS" -c"$CONNS" -d"$DURATION" --timeout 10s --latency -s "$script" "$url" >"$OUT/wrk-$name.txt" 2>&1 || true
	line=$(grep '^BENCH ' "$OUT/wrk-$name.txt" || true)
	if [ -z "$line" ]; then
		R_STATUS="wrk failed (see $OUT/wrk-$name.txt)"
		return 0
	fi
	read -r R_RPS R_P50 R_P99 R_KB R_ERR R_NON2XX < <(printf '%s\n' "$line" | awk '{
		for (i = 2; i <= NF; i++) { split($i, kv, "="); v[kv[1]] = kv[2] }
		printf "%.0f %.2f %.2f %.1f %d %d\n", v["requests"] / (v["duration_us"] / 1e6),
			v["p50_us"] / 1000, v["p99_us"] / 1000, v["requests"] ? v["bytes"] / v["requests"] / 1024 : 0,
			v["errors"], v["non2xx"] }')
}

ROWS=()
NOTES=()
na() { case "$1" in [0-9][0-9][0-9]) echo "n/a (status $1)" ;; *) echo "n/a: $1" ;; esac; }
add_row() { # label; uses S_* (siaran) and G_* (nginx, may be empty)
	local label=$1 s g ratio
	if [ -n "$S_RPS" ]; then
		s=$(printf '%6s %9s %8s %8s' "$S_KB" "$S_RPS" "$S_P50" "$S_P99")
	else
		s=$(printf '%-34s' "$(na "$S_STATUS")")
	fi
	if [ -z "${G_STATUS:-}" ]; then
		g=$(printf '%9s %8s %8s' - - -)
		ratio=-
	elif [ -n "$G_RPS" ]; then
		g=$(printf '%9s %8s %8s' "$G_RPS" "$G_P50" "$G_P99")
		ratio=$([ -n "$S_RPS" ] && awk -v a="$S_RPS" -v b="$G_RPS" 'BEGIN { printf "%.2f", a / b }' || echo -)
	else
		g=$(printf '%-27s' "$(na "$G_STATUS")")
		ratio=-
	fi
	ROWS+=("$(printf '%-34s %s | %s | %6s' "$label" "$s" "$g" "$ratio")")
	[ "${S_ERR:-0}${S_NON2XX:-0}" = 00 ] || NOTES+=("$label: siaran had $S_ERR socket errors and $S_NON2XX non-2xx/3xx responses")
	[ "${G_ERR:-0}${G_NON2XX:-0}" = 00 ] || NOTES+=("$label: nginx had $G_ERR socket errors and $G_NON2XX non-2xx/3xx responses")
}
keep_s() { S_STATUS=$R_STATUS S_KB=$R_KB S_RPS=$R_RPS S_P50=$R_P50 S_P99=$R_P99 S_ERR=$R_ERR S_NON2XX=$R_NON2XX; }
keep_g() { G_STATUS=$R_STATUS G_RPS=$R_RPS G_P50=$R_P50 G_P99=$R_P99 G_ERR=$R_ERR G_NON2XX=$R_NON2XX; }
no_g() { G_STATUS="" G_RPS="" G_ERR=0 G_NON2XX=0; }

run_wrk index "$SIARAN/"; keep_s
INDEX_RPS=$S_RPS INDEX_P99=$S_P99
run_wrk index-nginx "$NG/index.html"; keep_g
INDEX_NG_RPS=$G_RPS
add_row "/  (index, cached)"
run_wrk release "$SIARAN/releases/$SLUG"; keep_s
RELEASE_RPS=$S_RPS RELEASE_P99=$S_P99
run_wrk release-nginx "$NG/release.html"; keep_g
RELEASE_NG_RPS=$G_RPS
add_row "/releases/SLUG  (cached)"
no_g
run_wrk feed "$SIARAN/feed.xml"; keep_s
add_row "/feed.xml"
run_wrk api "$SIARAN/api/v1/releases"; keep_s
add_row "/api/v1/releases"
FIXED_Q=banjir
run_wrk search-fixed "$SIARAN/search?q=$FIXED_Q"; keep_s
add_row "/search?q=$FIXED_Q  (one query)"
run_wrk search-random "$SIARAN/search?q=vaksinasi%20cilincing" "$HERE/search.lua"; keep_s
SEARCH_RND_P99=$S_P99
add_row "/search?q=...  (random queries)"

kill -0 "$SIARAN_PID" 2>/dev/null || NOTES+=("siaran was no longer running after the wrk runs: $(tail -n 3 "$WORK/siaran-$STARTS.err" | tr '\n' ' ')")
RSS_HWM=$(proc_mb "$SIARAN_PID" VmHWM)
RSS_NOW=$(proc_mb "$SIARAN_PID" VmRSS)
THREADS_NOW=$(awk '$1 == "Threads:" { print $2 }' "/proc/$SIARAN_PID/status" 2>/dev/null || echo "?")
LOGGED=$(($(wc -l <"$SIARAN_LOG") - 1))
LOAD_END=$(cut -d' ' -f1-3 /proc/loadavg)

# --- 4. empty cache ------------------------------------------------------------------------

ms() { awk -v t="$1" 'BEGIN { printf "%.1f", t * 1000 }'; }
time_get() { curl -s -o /dev/null -w '%{time_total}' --max-time 60 "$1"; }
step "first requests after restarts"
COLD_INDEX=() COLD_SEARCH=() WARM_INDEX=() COLD_RELEASE=()
COLD_QUERIES=(sampah "normalisasi sungai" posyandu)
for i in 0 1 2; do
	restart_siaran
	COLD_INDEX+=("$(ms "$(time_get "$SIARAN/")")")
	WARM_INDEX+=("$(ms "$(time_get "$SIARAN/")")")
	COLD_RELEASE+=("$(ms "$(time_get "$SIARAN/releases/$SLUG")")")
	q=${COLD_QUERIES[$i]}
	COLD_SEARCH+=("$(ms "$(time_get "$SIARAN/search?q=${q// /%20}")") ms \"$q\"")
done

step "50 distinct searches, one at a time"
restart_siaran
QUERIES=(
	vaksinasi banjir "bank sampah" transjakarta stunting "jalur sepeda" pompa waduk kebakaran umkm
	"rumah susun" betawi museum mangrove jelantah "kualitas udara" "kartu lansia" beasiswa pajak
	"pasar murah" cilincing marunda kalibata "pulau tidung" siregar "dinas kesehatan" "satpol pp"
	vaksin normal "demam berdarah" "kota tua" "car free day" "ganjil genap" "sumur resapan"
	"pintu air" "uji emisi" jaki "smart city" "internet gratis" "bantuan sosial"
	jakarta warga "pemerintah provinsi" "di kelurahan" "kepala dinas" "tanggul pantai rob"
	"lowongan kerja" "akta kelahiran" "kereta gantung" "hujan salju"
)
SEARCH_TIMES=$WORK/search-times.txt
: >"$SEARCH_TIMES"
for q in "${QUERIES[@]}"; do
	printf '%s\t%s\n' "$(ms "$(time_get "$SIARAN/search?q=${q// /%20}")")" "$q" >>"$SEARCH_TIMES"
done
SEARCH_STATS=$(sort -n "$SEARCH_TIMES" | awk -F'\t' '{ t[NR] = $1 } END {
	printf "%.1f %.1f %.1f %d", (NR % 2 ? t[(NR + 1) / 2] : (t[NR / 2] + t[NR / 2 + 1]) / 2),
		t[int(NR * 0.9 + 0.5)], t[NR], NR }')
read -r SEARCH_MEDIAN SEARCH_P90 SEARCH_MAX SEARCH_N <<<"$SEARCH_STATS"
SLOWEST=$(sort -rn "$SEARCH_TIMES" | head -n 5 | awk -F'\t' '{ printf "%s%s ms \"%s\"", (NR > 1 ? ", " : ""), $1, $2 }')
FASTEST=$(sort -n "$SEARCH_TIMES" | head -n 3 | awk -F'\t' '{ printf "%s%s ms \"%s\"", (NR > 1 ? ", " : ""), $1, $2 }')
RSS2_HWM=$(proc_mb "$SIARAN_PID" VmHWM)

# --- 5. report -----------------------------------------------------------------------------

mb() { awk -v b="$1" 'BEGIN { printf "%.1f MB", b / 1048576 }'; }
goal() { # value op target -> "met" / "not met" / "n/a"
	[ -n "$1" ] || { echo "n/a"; return; }
	awk -v v="$1" -v op="$2" -v t="$3" 'BEGIN { ok = (op == ">=") ? v >= t : v < t; print ok ? "met" : "NOT met" }'
}
ratio() { [ -n "$1" ] && [ -n "$2" ] && awk -v a="$1" -v b="$2" 'BEGIN { printf "%.2f", a / b }' || echo ""; }
REV=$(git rev-parse --short HEAD 2>/dev/null || echo "?")
git diff --quiet HEAD 2>/dev/null || REV="$REV + uncommitted changes"
CPU=$(awk -F': ' '/^model name/ { print $2; exit }' /proc/cpuinfo)

say ""
say "siaran benchmark — $(date -u '+%Y-%m-%d %H:%M UTC'), siaran $REV"
say ""
say "machine   $(nproc) CPUs, ${CPU:-unknown CPU}, $(awk '/^MemTotal/ { printf "%.1f GiB", $2 / 1048576 }' /proc/meminfo) RAM, Linux $(uname -r)"
say "          load average before the wrk runs $LOAD_START, after $LOAD_END (other work on the machine skews the figures)"
say "tools     $(wrk -v 2>&1 | head -n 1 | awk '{ print $1, $2 }'), $("$NGINX" -v 2>&1 | sed 's/.*: //'), sqlite3 $(sqlite3 --version | awk '{ print $1 }'), curl"
say "database  $RELEASES published releases ($KINDS; $QUOTED with quotes), $TERMS distinct words in the search index"
say "          $(mb "$DB_BYTES")${FTS_BYTES:+ (search index $(mb "$FTS_BYTES"))}; generated in $GEN_NOTE"
say "load      wrk -t$THREADS -c$CONNS -d$DURATION --timeout 10s on 127.0.0.1, no Accept-Encoding (uncompressed, both servers)"
say "          siaran: build/siaran serve, access log to a file; nginx: $WORKERS workers, access_log off,"
say "          the same index and release page saved as files ($(wc -c <"$NGX/html/index.html") and $(wc -c <"$NGX/html/release.html") bytes), siaran's headers"
say ""
say "$(printf '%-34s %6s %9s %8s %8s | %9s %8s %8s | %6s' endpoint KB 'siaran/s' 'p50 ms' 'p99 ms' 'nginx/s' 'p50 ms' 'p99 ms' ratio)"
say "$(printf '%.0s-' $(seq 111))"
for r in "${ROWS[@]}"; do say "$r"; done
for n in "${NOTES[@]+"${NOTES[@]}"}"; do say "note: $n"; done
say "(KB: siaran's response with headers; ratio: siaran req/s / nginx req/s; random queries: one or two"
say " of 162 words drawn per request, ~26,000 distinct, so the cache answers few of them)"
say ""
say "empty cache (siaran restarted before each; OS file cache warm), curl time_total:"
say "  first GET /                 ${COLD_INDEX[*]/%/ ms}   (then cached: ${WARM_INDEX[*]/%/ ms})"
say "  first GET /releases/SLUG    ${COLD_RELEASE[*]/%/ ms}"
say "  first search                $(printf '%s, ' "${COLD_SEARCH[@]}" | sed 's/, $//')"
say "  $SEARCH_N distinct searches one at a time on a fresh server: median $SEARCH_MEDIAN ms, p90 $SEARCH_P90 ms, max $SEARCH_MAX ms"
say "    slowest: $SLOWEST"
say "    fastest: $FASTEST"
say ""
say "siaran memory after the wrk runs: peak RSS (VmHWM) $RSS_HWM MB, RSS now $RSS_NOW MB, $THREADS_NOW threads;"
say "  after the $SEARCH_N searches on a fresh server: peak RSS $RSS2_HWM MB. Access log: $LOGGED requests logged."
say ""
IR=$(ratio "$INDEX_RPS" "$INDEX_NG_RPS")
RR=$(ratio "$RELEASE_RPS" "$RELEASE_NG_RPS")
say "goals (informational, not asserted):"
say "  cached page >= 0.8 x nginx req/s      index ${IR:-n/a} ($(goal "$IR" '>=' 0.8)), release ${RR:-n/a} ($(goal "$RR" '>=' 0.8))"
say "  p99 < 20 ms at $CONNS connections        index ${INDEX_P99:-n/a} ms ($(goal "$INDEX_P99" '<' 20)), release ${RELEASE_P99:-n/a} ms ($(goal "$RELEASE_P99" '<' 20)), random search ${SEARCH_RND_P99:-n/a} ms ($(goal "$SEARCH_RND_P99" '<' 20))"
say "  search median < 10 ms                 $SEARCH_MEDIAN ms ($(goal "$SEARCH_MEDIAN" '<' 10))"
say ""
say "report: $REPORT; wrk output: $OUT/wrk-*.txt"
