#!/bin/sh
# `make fuzz`: runs every libFuzzer target in build/fuzz/ for SECONDS seconds (default 60) on its
# committed corpus, then merges the inputs that reach new code into tests/fuzz/corpus/NAME/.
# Findings (crash, leak, sanitizer report, broken invariant, timeout) are saved to
# build/fuzz/artifacts/NAME/ and make the exit code non-zero. FUZZ_TARGETS="slug diff" limits the
# run to some targets; FUZZ_JOBS=N runs N targets at once.
#
# tests/fuzz/run.sh --minimize shrinks each committed corpus to the smallest set of its inputs
# that reaches the same code, keeping the hand-made seeds (every file whose name is not the
# 40-hex-digit name libFuzzer gives).
set -u
cd "$(dirname "$0")/../.."
seconds="${1:-60}"
jobs="${FUZZ_JOBS:-1}"
targets="${FUZZ_TARGETS:-$(for f in tests/fuzz/fuzz_*.c; do basename "$f" .c | sed 's/^fuzz_//'; done)}"
export ASAN_OPTIONS="${ASAN_OPTIONS:-detect_leaks=1}"
export UBSAN_OPTIONS="${UBSAN_OPTIONS:-print_stacktrace=1:halt_on_error=1}"

run_one() {
	t="$1"
	bin="build/fuzz/fuzz_$t"
	work="build/fuzz/work/$t"
	art="build/fuzz/artifacts/$t"
	mkdir -p "$work" "$art" "tests/fuzz/corpus/$t"
	echo "== fuzz_$t: $seconds s"
	if ! "$bin" -max_total_time="$seconds" -timeout=60 -rss_limit_mb=2048 -print_final_stats=1 \
		-artifact_prefix="$art/" "$work" "tests/fuzz/corpus/$t" >"$work.log" 2>&1; then
		tail -n 40 "$work.log"
		echo "FINDING in fuzz_$t: see $art/ and $work.log"
		return 1
	fi
	grep -E '^stat::number_of_executed_units|^Done' "$work.log" | tr '\n' ' '
	echo
	# Only what adds coverage joins the committed corpus.
	"$bin" -merge=1 "tests/fuzz/corpus/$t" "$work" >"$work.merge.log" 2>&1 ||
		{ tail -n 20 "$work.merge.log"; return 1; }
	return 0
}

if [ "$seconds" = --minimize ]; then
	for t in $targets; do
		dir="tests/fuzz/corpus/$t"
		tmp="build/fuzz/minimize/$t"
		rm -rf "$tmp" && mkdir -p "$tmp"
		"build/fuzz/fuzz_$t" -merge=1 "$tmp" "$dir" >"$tmp.log" 2>&1 || { tail -n 20 "$tmp.log"; exit 1; }
		before=$(ls "$dir" | wc -l)
		for f in "$dir"/*; do
			if basename "$f" | grep -Eq '^[0-9a-f]{40}$'; then
				rm -f "$f"
			fi
		done
		named=$(ls "$dir")
		for f in "$tmp"/*; do
			[ -e "$f" ] || continue
			# merge names its output by content hash: a hand-made seed comes back as a hash
			# of the same content, which is already there under its own name.
			dup=0
			for s in $named; do
				cmp -s "$f" "$dir/$s" && dup=1 && break
			done
			[ "$dup" -eq 0 ] && cp "$f" "$dir/"
		done
		echo "fuzz_$t: $before -> $(ls "$dir" | wc -l) inputs"
	done
	exit 0
fi

failed=""
running=0
for t in $targets; do
	[ -x "build/fuzz/fuzz_$t" ] || { echo "no build/fuzz/fuzz_$t (make build-fuzz)"; failed="$failed $t"; continue; }
	if [ "$jobs" -le 1 ]; then
		run_one "$t" || failed="$failed $t"
	else
		(run_one "$t" || touch "build/fuzz/work/$t.failed") &
		running=$((running + 1))
		if [ "$running" -ge "$jobs" ]; then
			wait
			running=0
		fi
	fi
done
wait
for t in $targets; do
	if [ -e "build/fuzz/work/$t.failed" ]; then
		rm -f "build/fuzz/work/$t.failed"
		failed="$failed $t"
	fi
done
if [ -n "$failed" ]; then
	echo "fuzzing found problems in:$failed"
	exit 1
fi
echo "no findings"
