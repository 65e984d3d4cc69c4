# Caravan: build, run and test.
#   make run    install missing system packages (Debian/Ubuntu), build, open the default content
#   make test   build, run every test, check the content, run the real-terminal tests
#   make bench  release build measured beside less (docs/benchmarks.md); not part of test
#   make bench-serve  100 sessions and 200 silent connections on loopback; not part of test
#   make fuzz   each libFuzzer target in Fuzz/ for FUZZ_SECONDS
#   make sanitize  the unit tests under AddressSanitizer and ThreadSanitizer
#   make monkey  the random-event test at 200,000 events (make test runs 20,000)

SWIFT      ?= swift
BUILD_DIR  ?= .build
CONFIG     ?= debug
BIN         = $(BUILD_DIR)/$(CONFIG)/caravan
PREFIX     ?= /usr/local
PAPER_DIR  ?= ../shared
VERBATIM   ?= $(PAPER_DIR)/tools/verbatim-check
# A release build carries the Swift runtime and Foundation inside the binary: it starts in
# half the time, touches less memory, and runs where Swift is not installed.
STATIC_FLAGS = $(if $(filter release,$(CONFIG)),--static-swift-stdlib)
SWIFT_FLAGS = --build-path $(BUILD_DIR) -c $(CONFIG) $(STATIC_FLAGS)

# System packages the build and the tests need, as Debian names them.
APT_PACKAGES = libncurses-dev libcmark-dev pkg-config tmux python3 openssh-client man-db less

.PHONY: all deps build run test unit-test content-check terminal-test serve-test install uninstall format lint clean
.PHONY: bench bench-serve fuzz monkey sanitize sanitize-address sanitize-thread

all: build

deps:
	@missing=""; \
	for p in $(APT_PACKAGES); do \
	  dpkg-query -W -f='$${Status}' $$p 2>/dev/null | grep -q "install ok installed" || missing="$$missing $$p"; \
	done; \
	if [ -n "$$missing" ]; then \
	  if command -v apt-get >/dev/null 2>&1; then \
	    echo "Installing:$$missing"; \
	    SUDO=""; [ "$$(id -u)" -ne 0 ] && SUDO=sudo; \
	    $$SUDO apt-get update -qq && DEBIAN_FRONTEND=noninteractive $$SUDO apt-get install -y -qq $$missing; \
	  else \
	    echo "Please install:$$missing (Debian package names)"; exit 1; \
	  fi; \
	fi

build: deps
	$(SWIFT) build $(SWIFT_FLAGS) --product caravan

run: build
	$(BIN)

unit-test: deps
	$(SWIFT) build $(SWIFT_FLAGS) --build-tests
	$(SWIFT) test $(SWIFT_FLAGS) --skip-build

content-check: build
	$(BIN) check Content
	@if [ -x "$(VERBATIM)" ]; then \
	  $(VERBATIM) Content && echo "verbatim-check: Content is in our own words"; \
	else \
	  echo "verbatim-check not found at $(VERBATIM)"; exit 1; \
	fi

terminal-test: build
	CARAVAN_BIN=$(abspath $(BIN)) python3 Tests/terminal/run.py

serve-test: build
	@status=0; for suite in Tests/serve/test_*.py; do \
	  echo "== $$suite"; CARAVAN_BIN=$(abspath $(BIN)) python3 $$suite || status=1; \
	done; exit $$status

# make install PREFIX=/usr/local [CONFIG=release]: the binary, caravan(1) and completions.
install: deps
	$(SWIFT) build $(SWIFT_FLAGS) --product caravan
	$(SWIFT) build $(SWIFT_FLAGS) --product generate-manual
	scripts/install.sh $(BUILD_DIR)/$(CONFIG) $(PREFIX) $(DESTDIR)

uninstall:
	rm -f $(DESTDIR)$(PREFIX)/bin/caravan $(DESTDIR)$(PREFIX)/share/man/man1/caravan.1 \
	  $(DESTDIR)$(PREFIX)/share/bash-completion/completions/caravan \
	  $(DESTDIR)$(PREFIX)/share/zsh/site-functions/_caravan \
	  $(DESTDIR)$(PREFIX)/share/fish/vendor_completions.d/caravan.fish

# The real-terminal suites run last so their summary line closes the output.
test: unit-test content-check serve-test terminal-test

format:
	$(SWIFT) format -i -r Sources Tests Plugins Package.swift

lint:
	$(SWIFT) format lint -r Sources Tests Plugins Package.swift

clean:
	rm -rf $(BUILD_DIR)

# Benchmarks: a release build in $(BUILD_DIR), measured beside less. Results in bench/results.json.
bench: deps
	@dpkg-query -W -f='$${Status}' less 2>/dev/null | grep -q "install ok installed" || \
	  { SUDO=""; [ "$$(id -u)" -ne 0 ] && SUDO=sudo; \
	    $$SUDO apt-get update -qq && DEBIAN_FRONTEND=noninteractive $$SUDO apt-get install -y -qq less; }
	BUILD_DIR=$(BUILD_DIR) TTYPROBE=$(PAPER_DIR)/tools/ttyprobe.py python3 bench/run.py

# A class on `caravan serve`: 100 sessions driven by keys and 200 silent connections, on
# loopback, bounded in count and time. Results in bench/serve-results.json.
bench-serve: deps
	$(SWIFT) build --build-path $(BUILD_DIR) -c release --static-swift-stdlib --product caravan
	CARAVAN_BIN=$(abspath $(BUILD_DIR))/release/caravan python3 bench/serve_load.py

# libFuzzer targets (a package of their own in Fuzz/), FUZZ_SECONDS each.
FUZZ_SECONDS ?= 60
fuzz: deps
	FUZZ_SECONDS=$(FUZZ_SECONDS) python3 Fuzz/run.py

# The random-event test, long: MONKEY_EVENTS events from MONKEY_SEED (a failure names both).
MONKEY_EVENTS ?= 200000
monkey: deps
	$(SWIFT) build --build-tests
	CARAVAN_MONKEY_EVENTS=$(MONKEY_EVENTS) $(if $(MONKEY_SEED),CARAVAN_MONKEY_SEED=$(MONKEY_SEED)) \
		$(SWIFT) test --skip-build --filter MonkeyTests

# The unit tests under the sanitizers, each in a build folder of its own.
sanitize: sanitize-address sanitize-thread

# The build runs the content embedder instrumented too: Foundation's leaks there are not
# ours. Instrumented code runs several times slower, so the random-event test does 20,000.
SANITIZE_ENV = ASAN_OPTIONS=detect_leaks=0 CARAVAN_MONKEY_EVENTS=$${CARAVAN_MONKEY_EVENTS:-20000}
sanitize-address sanitize-thread: sanitize-%: deps
	$(SANITIZE_ENV) $(SWIFT) build --build-tests --sanitize=$* --scratch-path .build-$(subst address,asan,$(subst thread,tsan,$*))
	$(SANITIZE_ENV) $(SWIFT) test --skip-build --sanitize=$* --scratch-path .build-$(subst address,asan,$(subst thread,tsan,$*))
