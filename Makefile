# siaran: build, run and test. `make run` and `make test` install what they need first
# (scripts/install-deps.sh), so on a fresh Debian 12 machine these two commands are all.

PKGS      := libmicrohttpd sqlite3 jansson libctemplate libsodium md4c-html zlib libical libcurl vips \
             libqpdf
CC        ?= gcc
CXX       ?= g++
WARN      := -Wall -Wextra -Werror -Wshadow -Wpointer-arith -Wformat=2 -Wvla \
             -Wcast-align -Wwrite-strings -Wundef
CWARN     := $(WARN) -Wstrict-prototypes -Wmissing-prototypes -Wold-style-definition
CPPFLAGS  := -D_GNU_SOURCE -Isrc
HARDEN    := -D_FORTIFY_SOURCE=2 -fstack-protector-strong -fPIE
SAN       := -fsanitize=address,undefined -fno-omit-frame-pointer -fno-sanitize-recover=undefined

PKG_CFLAGS = $(shell pkg-config --cflags $(PKGS) 2>/dev/null)
PKG_LIBS   = $(shell pkg-config --libs $(PKGS) 2>/dev/null) -lpthread -lm

C_SRC   := $(shell find src -name '*.c' | sort)
CXX_SRC := $(shell find src -name '*.cc' | sort)
LIB_C   := $(filter-out src/main.c,$(C_SRC))
UNIT_SRC := $(sort $(wildcard tests/unit/test_*.c))

# Release build: build/siaran. Test build (sanitizers): build/test/siaran.
REL_OBJ  := $(patsubst src/%.c,build/obj/%.o,$(C_SRC)) $(patsubst src/%.cc,build/obj/%.o,$(CXX_SRC))
TEST_OBJ := $(patsubst src/%.c,build/test/obj/%.o,$(C_SRC)) $(patsubst src/%.cc,build/test/obj/%.o,$(CXX_SRC))
TEST_LIB_OBJ := $(filter-out build/test/obj/main.o,$(TEST_OBJ))
# Valgrind build: no sanitizers (they do not mix with valgrind), no optimisation, full debug info.
VG_OBJ   := $(patsubst src/%.c,build/valgrind/obj/%.o,$(C_SRC)) $(patsubst src/%.cc,build/valgrind/obj/%.o,$(CXX_SRC))

REL_CFLAGS  := -std=c17 -O2 -g $(CWARN) $(HARDEN)
REL_CXXFLAGS := -std=c++17 -O2 -g $(WARN) $(HARDEN)
REL_LDFLAGS := -pie -Wl,-z,relro,-z,now
TEST_CFLAGS := -std=c17 -O1 -g $(CWARN) $(SAN)
TEST_CXXFLAGS := -std=c++17 -O1 -g $(WARN) $(SAN)
# The build run under valgrind: its malloc is valgrind's, so no glibc heap figures (pages/metrics.c).
VG_CFLAGS   := -std=c17 -O0 -g $(CWARN) -DSIARAN_VALGRIND_BUILD
VG_CXXFLAGS := -std=c++17 -O0 -g $(WARN)
VALGRIND    := valgrind --tool=memcheck --leak-check=full --errors-for-leak-kinds=definite \
               --show-leak-kinds=definite --error-exitcode=99 --num-callers=30

.PHONY: all deps build-test run test test-unit test-http test-e2e clean demo help bench \
	test-reliability test-crash test-load test-valgrind build-fuzz fuzz lint test-security \
	test-sqlmap test-slowhttp

all: build/siaran

help:
	@echo "make            build build/siaran"
	@echo "make run        install packages, build, migrate, load demo data, serve :8080"
	@echo "make test       install packages, build with ASan+UBSan, run every test"
	@echo "make test-crash 20 cycles of kill -9 during 200 concurrent submissions (minutes)"
	@echo "make test-load  20 writers and 50 readers for 10 minutes: no 5xx, flat memory and files"
	@echo "make test-valgrind  the HTTP suite with the server under valgrind memcheck (slow)"
	@echo "make test-sqlmap   sqlmap at level 5, risk 3 on every parameter as every role (hours)"
	@echo "make test-slowhttp slowloris and slow POST for two minutes each"
	@echo "make bench      install wrk and nginx too, build, load 100,000 releases, print req/s and"
	@echo "                latencies next to nginx serving the same pages (test-output/bench/report.txt);"
	@echo "                then the time and peak memory of 24-megapixel photo uploads (upload.txt)"
	@echo "make fuzz       build the libFuzzer targets (tests/fuzz/) and run each for SECONDS"
	@echo "                (default 60), merging new interesting inputs into tests/fuzz/corpus/"
	@echo "make lint       cppcheck and clang-tidy over src/ (.clang-tidy, tests/lint/); must be clean"

deps:
	@scripts/install-deps.sh

build/obj/%.o: src/%.c
	@mkdir -p $(dir $@)
	$(CC) $(CPPFLAGS) $(REL_CFLAGS) $(PKG_CFLAGS) -MMD -MP -c $< -o $@

build/obj/%.o: src/%.cc
	@mkdir -p $(dir $@)
	$(CXX) $(CPPFLAGS) $(REL_CXXFLAGS) $(PKG_CFLAGS) -MMD -MP -c $< -o $@

build/siaran: $(REL_OBJ)
	$(CXX) $(REL_LDFLAGS) -o $@ $^ $(PKG_LIBS)

build/test/obj/%.o: src/%.c
	@mkdir -p $(dir $@)
	$(CC) $(CPPFLAGS) $(TEST_CFLAGS) $(PKG_CFLAGS) -MMD -MP -c $< -o $@

build/test/obj/%.o: src/%.cc
	@mkdir -p $(dir $@)
	$(CXX) $(CPPFLAGS) $(TEST_CXXFLAGS) $(PKG_CFLAGS) -MMD -MP -c $< -o $@

build/test/siaran: $(TEST_OBJ)
	$(CXX) $(SAN) -o $@ $^ $(PKG_LIBS)

build/test/unit: $(TEST_LIB_OBJ) $(UNIT_SRC)
	$(CC) $(CPPFLAGS) $(TEST_CFLAGS) $(PKG_CFLAGS) -o $@ $(UNIT_SRC) $(TEST_LIB_OBJ) \
		$(shell pkg-config --libs criterion) $(PKG_LIBS) -lstdc++

build/valgrind/obj/%.o: src/%.c
	@mkdir -p $(dir $@)
	$(CC) $(CPPFLAGS) $(VG_CFLAGS) $(PKG_CFLAGS) -MMD -MP -c $< -o $@

build/valgrind/obj/%.o: src/%.cc
	@mkdir -p $(dir $@)
	$(CXX) $(CPPFLAGS) $(VG_CXXFLAGS) $(PKG_CFLAGS) -MMD -MP -c $< -o $@

build/valgrind/siaran: $(VG_OBJ)
	$(CXX) -o $@ $^ $(PKG_LIBS)

build-test: build/test/siaran build/test/unit

run: deps build/siaran
	@mkdir -p data
	build/siaran migrate
	build/siaran demo
	build/siaran serve

# Every suite runs even when an earlier one fails; the exit code is the verdict.
test: deps
	@$(MAKE) --no-print-directory build-test build/siaran build-fuzz
	@scripts/run-tests.sh

test-unit: build/test/unit
	build/test/unit

test-http: build/test/siaran
	SIARAN_BIN=build/test/siaran node --test tests/http/

test-e2e: build/test/siaran
	SIARAN_BIN=build/test/siaran node --test tests/e2e/

# The reliability suite's short versions (also part of `make test`).
test-reliability: build/test/siaran
	SIARAN_BIN=build/test/siaran node --test --test-concurrency=1 tests/reliability/

# Full versions: 20 kill -9 cycles of 200 submissions; 10 minutes of 20 writers and 50 readers.
# They use the release build (what runs in production; the sanitizer build is several times
# slower and would measure ASan's memory, not siaran's). The harness's waits (a server printing
# its address) are 4 times longer, for busy machines.
test-crash: build/siaran
	SIARAN_BIN=build/siaran SIARAN_CRASH_CYCLES=20 SIARAN_CRASH_SUBMISSIONS=200 SIARAN_TIMEOUT_SCALE=4 \
		node --test tests/reliability/crash.test.mjs

test-load: build/siaran
	SIARAN_BIN=build/siaran SIARAN_LOAD_SECONDS=600 SIARAN_LOAD_WRITERS=20 SIARAN_LOAD_READERS=50 \
		SIARAN_TIMEOUT_SCALE=4 \
		node --test tests/reliability/load.test.mjs

# The HTTP suite with every server under valgrind memcheck: any error or definite leak makes the
# server exit 99, which the harness reports. Slow (about an hour on 2 cores).
# libvips' JPEG XL module is left out there (tests/valgrind/vipshome.sh says why), and its
# vector paths are off: they run code that liborc writes at run time through a second mapping,
# which valgrind cannot follow (false reports in "orcexec", then a crash).
test-valgrind: build/valgrind/siaran
	VIPSHOME=$$(tests/valgrind/vipshome.sh build/valgrind/vipshome) VIPS_NOVECTOR=1 \
	SIARAN_BIN=build/valgrind/siaran SIARAN_WRAPPER="$(VALGRIND)" \
		node --test --test-concurrency=2 tests/http/

test-security: build/test/siaran
	SIARAN_BIN=build/test/siaran node --test --test-concurrency=2 tests/security/

# The long runs of two security tests (docs/testing.md has the last results). sqlmap's long run
# uses the release build (the sanitizer build is the slowest part of each request; the short run in
# `make test` and the fuzz targets keep the sanitizers on the same code) and three sqlmap
# processes at once.
test-sqlmap: deps build/siaran
	SQLMAP_FULL=1 SQLMAP_JOBS=$${SQLMAP_JOBS:-3} SIARAN_BIN=build/siaran \
		node --test tests/security/sqlmap.test.mjs

test-slowhttp: deps build/test/siaran
	SLOWHTTP_SECONDS=120 SIARAN_BIN=build/test/siaran node --test tests/security/slow.test.mjs

# Figures, not a verdict: see tests/bench/run.sh (BENCH_* settings there). The sub-make builds only
# after the packages are in place.
bench:
	@scripts/install-deps.sh bench
	@$(MAKE) --no-print-directory build/siaran
	@tests/bench/run.sh
	@tests/bench/upload.sh

# Fuzzing (tests/fuzz/): every tests/fuzz/fuzz_NAME.c is a libFuzzer target build/fuzz/fuzz_NAME,
# built with clang against the whole program minus main.c, with ASan and UBSan. Adding a target is
# adding that one file (its seeds go to tests/fuzz/corpus/NAME/).
FUZZ_CC    ?= clang
FUZZ_CXX   ?= clang++
FUZZ_SAN   := -fsanitize=address,undefined -fno-sanitize-recover=undefined -fno-omit-frame-pointer
FUZZ_CFLAGS := -std=c17 -O1 -g $(CWARN) $(FUZZ_SAN) -fsanitize=fuzzer-no-link
FUZZ_CXXFLAGS := -std=c++17 -O1 -g $(WARN) $(FUZZ_SAN) -fsanitize=fuzzer-no-link
FUZZ_SRC   := $(sort $(wildcard tests/fuzz/fuzz_*.c))
FUZZ_BIN   := $(patsubst tests/fuzz/%.c,build/fuzz/%,$(FUZZ_SRC))
FUZZ_LIB_OBJ := $(filter-out build/fuzz/obj/main.o,\
	$(patsubst src/%.c,build/fuzz/obj/%.o,$(C_SRC)) $(patsubst src/%.cc,build/fuzz/obj/%.o,$(CXX_SRC)))
SECONDS    ?= 60

build/fuzz/obj/%.o: src/%.c
	@mkdir -p $(dir $@)
	$(FUZZ_CC) $(CPPFLAGS) $(FUZZ_CFLAGS) $(PKG_CFLAGS) -MMD -MP -c $< -o $@

build/fuzz/obj/%.o: src/%.cc
	@mkdir -p $(dir $@)
	$(FUZZ_CXX) $(CPPFLAGS) $(FUZZ_CXXFLAGS) $(PKG_CFLAGS) -MMD -MP -c $< -o $@

build/fuzz/%.o: tests/fuzz/%.c tests/fuzz/fuzz.h
	@mkdir -p $(dir $@)
	$(FUZZ_CC) $(CPPFLAGS) $(FUZZ_CFLAGS) $(PKG_CFLAGS) -MMD -MP -c $< -o $@

build/fuzz/fuzz_%: build/fuzz/fuzz_%.o $(FUZZ_LIB_OBJ)
	$(FUZZ_CXX) $(FUZZ_SAN) -fsanitize=fuzzer -o $@ $^ $(PKG_LIBS)

build-fuzz: $(FUZZ_BIN)
.SECONDARY: $(FUZZ_BIN:=.o) $(FUZZ_LIB_OBJ)

# Runs every target for SECONDS seconds, one after the other, and merges what it found into the
# committed corpus (tests/fuzz/run.sh).
fuzz: build-fuzz
	@tests/fuzz/run.sh $(SECONDS)

# Static analysis over src/ (tests/lint/run.sh): cppcheck, then clang-tidy with .clang-tidy.
lint:
	@CPPFLAGS="$(CPPFLAGS)" PKG_CFLAGS="$(PKG_CFLAGS)" tests/lint/run.sh

clean:
	rm -rf build

-include $(REL_OBJ:.o=.d) $(TEST_OBJ:.o=.d) $(VG_OBJ:.o=.d) $(FUZZ_LIB_OBJ:.o=.d) $(FUZZ_BIN:=.d)
