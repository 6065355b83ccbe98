#!/bin/sh
# Runs every test suite against the sanitizer build; each suite runs even if an earlier one
# failed, and the exit code is non-zero if any failed. Artifacts (screenshots) go to
# test-output/.
set -u
cd "$(dirname "$0")/.."
export SIARAN_BIN="${SIARAN_BIN:-build/test/siaran}"
export ASAN_OPTIONS="${ASAN_OPTIONS:-detect_leaks=1:abort_on_error=0}"
export UBSAN_OPTIONS="${UBSAN_OPTIONS:-print_stacktrace=1:halt_on_error=1}"
export LSAN_OPTIONS="${LSAN_OPTIONS:-suppressions=$PWD/tests/lsan.supp}"
mkdir -p test-output

failed=""

echo "== unit tests (C, Criterion)"
build/test/unit --jobs=2 || failed="$failed unit"

echo "== HTTP tests (node:test against the real binary)"
node --test --test-concurrency=2 tests/http/ || failed="$failed http"

echo "== browser tests (headless Chromium)"
node --test tests/e2e/ || failed="$failed e2e"

echo "== fuzz corpus replay (libFuzzer targets over tests/fuzz/corpus/)"
tests/fuzz/replay.sh || failed="$failed fuzz-replay"

echo "== release build hardening"
tests/build/hardening.sh || failed="$failed hardening"

# Short versions; `make test-crash` and `make test-load` run the long ones.
echo "== reliability (kill -9 during submissions, disk full, mixed load)"
node --test --test-concurrency=1 tests/reliability/ || failed="$failed reliability"

# The slow-client attack measures response times: it runs alone, after the others.
echo "== security tests (access matrix, CSRF, XSS, sqlmap short, sessions, headers, hostile HTTP)"
node --test --test-concurrency=2 $(ls tests/security/*.test.mjs | grep -v /slow.test.mjs) ||
	failed="$failed security"
echo "== security: slow clients (slowhttptest)"
node --test tests/security/slow.test.mjs || failed="$failed security-slow"

if [ -n "$failed" ]; then
	echo "FAILED:$failed"
	exit 1
fi
echo "all suites passed"
