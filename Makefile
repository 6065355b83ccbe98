# siaran: build, run and test. `make run` and `make test` install what they need first
# (scripts/install-deps.sh), so on a fresh Debian 12 machine these two commands are all.

PKGS      := libmicrohttpd sqlite3 jansson libctemplate libsodium md4c-html zlib libical libcurl vips
CC        ?= gcc
CXX       ?= g++
WARN      := -Wall -Wextra -Werror -Wshadow -Wpointer-arith -Wformat=2 -Wvla \
             -Wcast-align -Wwrite-strings -Wundef
CWARN     := $(WARN) -Wstrict-prototypes -Wmissing-prototypes -Wold-style-definition
CPPFLAGS  := -D_GNU_SOURCE -Isrc
HARDEN    := -D_FORTIFY_SOURCE=2 -fstack-protector-strong -fPIE
SAN       := -fsanitize=address,undefined -fno-omit-frame-pointer -fno-sanitize-recover=undefined

PKG_CFLAGS = $(shell pkg-config --cflags $(PKGS) 2>/dev/null)
PKG_LIBS   = $(shell pkg-config --libs $(PKGS) 2>/dev/null) -lpthread

C_SRC   := $(shell find src -name '*.c' | sort)
CXX_SRC := $(shell find src -name '*.cc' | sort)
LIB_C   := $(filter-out src/main.c,$(C_SRC))
UNIT_SRC := $(sort $(wildcard tests/unit/test_*.c))

# Release build: build/siaran. Test build (sanitizers): build/test/siaran.
REL_OBJ  := $(patsubst src/%.c,build/obj/%.o,$(C_SRC)) $(patsubst src/%.cc,build/obj/%.o,$(CXX_SRC))
TEST_OBJ := $(patsubst src/%.c,build/test/obj/%.o,$(C_SRC)) $(patsubst src/%.cc,build/test/obj/%.o,$(CXX_SRC))
TEST_LIB_OBJ := $(filter-out build/test/obj/main.o,$(TEST_OBJ))

REL_CFLAGS  := -std=c17 -O2 -g $(CWARN) $(HARDEN)
REL_CXXFLAGS := -std=c++17 -O2 -g $(WARN) $(HARDEN)
REL_LDFLAGS := -pie -Wl,-z,relro,-z,now
TEST_CFLAGS := -std=c17 -O1 -g $(CWARN) $(SAN)
TEST_CXXFLAGS := -std=c++17 -O1 -g $(WARN) $(SAN)

.PHONY: all deps build-test run test test-unit test-http test-e2e test-security test-sqlmap \
	test-slowhttp clean demo help bench

all: build/siaran

help:
	@echo "make            build build/siaran"
	@echo "make run        install packages, build, migrate, load demo data, serve :8080"
	@echo "make test       install packages, build with ASan+UBSan, run every test"
	@echo "make test-sqlmap   sqlmap at level 5, risk 3 on every parameter as every role (hours)"
	@echo "make test-slowhttp slowloris and slow POST for two minutes each"
	@echo "make bench      install wrk and nginx too, build, load 100,000 releases, print req/s and"
	@echo "                latencies next to nginx serving the same pages (test-output/bench/report.txt)"

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

build-test: build/test/siaran build/test/unit

run: deps build/siaran
	@mkdir -p data
	build/siaran migrate
	build/siaran demo
	build/siaran serve

# Every suite runs even when an earlier one fails; the exit code is the verdict.
test: deps build-test
	@scripts/run-tests.sh

test-unit: build/test/unit
	build/test/unit

test-http: build/test/siaran
	SIARAN_BIN=build/test/siaran node --test tests/http/

test-e2e: build/test/siaran
	SIARAN_BIN=build/test/siaran node --test tests/e2e/

test-security: build/test/siaran
	SIARAN_BIN=build/test/siaran node --test --test-concurrency=2 tests/security/

# The long runs of two security tests (docs/testing.md has the last results).
test-sqlmap: deps build/test/siaran
	SQLMAP_FULL=1 SIARAN_BIN=build/test/siaran node --test tests/security/sqlmap.test.mjs

test-slowhttp: deps build/test/siaran
	SLOWHTTP_SECONDS=120 SIARAN_BIN=build/test/siaran node --test tests/security/slow.test.mjs

# Figures, not a verdict: see tests/bench/run.sh (BENCH_* settings there). The sub-make builds only
# after the packages are in place.
bench:
	@scripts/install-deps.sh bench
	@$(MAKE) --no-print-directory build/siaran
	@tests/bench/run.sh

clean:
	rm -rf build

-include $(REL_OBJ:.o=.d) $(TEST_OBJ:.o=.d)
