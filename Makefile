# FactoryTwin — two commands set up a fresh machine:
#   make run    installs libgsl-dev if missing, builds a release binary, runs the default scenario
#   make test   installs libgsl-dev if missing, builds and runs the whole test suite
SWIFT ?= swift
BIN    = .build/release/factory-twin
SCENARIO ?= Scenarios/reference-immersion.yaml

.PHONY: run test build release deps bench reports clean

deps:
	@if pkg-config --exists gsl 2>/dev/null; then :; else \
	  echo "GNU GSL not found: installing libgsl-dev and pkg-config with apt-get"; \
	  SUDO=""; if [ "$$(id -u)" != 0 ]; then SUDO="sudo"; fi; \
	  if command -v apt-get >/dev/null 2>&1; then \
	    $$SUDO apt-get update -qq && $$SUDO apt-get install -y -qq libgsl-dev pkg-config || { \
	      echo "error: could not install libgsl-dev. Install GNU GSL (>= 2.6) and pkg-config by hand:"; \
	      echo "  Debian/Ubuntu: apt-get install libgsl-dev pkg-config"; \
	      echo "  Fedora: dnf install gsl-devel pkgconf   macOS: brew install gsl pkg-config"; exit 1; }; \
	  else \
	    echo "error: GNU GSL missing and apt-get unavailable. Install GNU GSL (>= 2.6) and pkg-config:"; \
	    echo "  Fedora: dnf install gsl-devel pkgconf   macOS: brew install gsl pkg-config"; exit 1; \
	  fi; \
	fi

build: deps
	$(SWIFT) build

release: deps
	$(SWIFT) build -c release

test: deps
	$(SWIFT) build --build-tests
	$(SWIFT) test --skip-build

run: release
	$(BIN) run $(SCENARIO)

bench: release
	$(BIN) bench engine

clean:
	rm -rf .build
