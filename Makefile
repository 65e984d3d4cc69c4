# Caravan: build, run and test.
#   make run    install missing system packages (Debian/Ubuntu), build, open the default content
#   make test   build, run every test, check the content, run the real-terminal tests

SWIFT      ?= swift
BUILD_DIR  ?= .build
CONFIG     ?= debug
BIN         = $(BUILD_DIR)/$(CONFIG)/caravan
PREFIX     ?= /usr/local
PAPER_DIR  ?= ../shared
VERBATIM   ?= $(PAPER_DIR)/tools/verbatim-check
SWIFT_FLAGS = --build-path $(BUILD_DIR) -c $(CONFIG)

# System packages the build and the tests need, as Debian names them.
APT_PACKAGES = libncurses-dev libcmark-dev pkg-config tmux python3 openssh-client

.PHONY: all deps build run test unit-test content-check terminal-test serve-test format lint clean

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
	CARAVAN_BIN=$(abspath $(BIN)) python3 Tests/serve/test_serve.py

# The real-terminal suites run last so their summary line closes the output.
test: unit-test content-check serve-test terminal-test

format:
	$(SWIFT) format -i -r Sources Tests Plugins Package.swift

lint:
	$(SWIFT) format lint -r Sources Tests Plugins Package.swift

clean:
	rm -rf $(BUILD_DIR)
