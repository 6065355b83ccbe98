#!/bin/sh
# Runs every libFuzzer target in build/fuzz/ once over each input of its committed corpus
# (tests/fuzz/corpus/NAME/): a quick regression check for `make test`, seconds in all. A target
# without a built binary, a crash, a sanitizer report or a broken invariant fails.
set -u
cd "$(dirname "$0")/../.."
export ASAN_OPTIONS="${ASAN_OPTIONS:-detect_leaks=1}"
export UBSAN_OPTIONS="${UBSAN_OPTIONS:-print_stacktrace=1:halt_on_error=1}"
failed=""
total=0
for src in tests/fuzz/fuzz_*.c; do
	t=$(basename "$src" .c | sed 's/^fuzz_//')
	bin="build/fuzz/fuzz_$t"
	dir="tests/fuzz/corpus/$t"
	if [ ! -x "$bin" ]; then
		echo "fuzz_$t: not built (make build-fuzz)"
		failed="$failed $t"
		continue
	fi
	if [ ! -d "$dir" ] || [ -z "$(ls -A "$dir")" ]; then
		echo "fuzz_$t: no corpus in $dir"
		failed="$failed $t"
		continue
	fi
	n=$(ls -A "$dir" | wc -l)
	log="build/fuzz/replay-$t.log"
	if "$bin" -runs=1 "$dir"/* >"$log" 2>&1; then
		echo "fuzz_$t: $n inputs ok"
		total=$((total + n))
	else
		tail -n 30 "$log"
		echo "fuzz_$t: FAILED (full output in $log)"
		failed="$failed $t"
	fi
done
if [ -n "$failed" ]; then
	echo "fuzz replay failed:$failed"
	exit 1
fi
echo "fuzz replay: $total inputs, no findings"
