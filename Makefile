# FactoryTwin — two commands set up a fresh machine:
#   make run    installs libgsl-dev if missing, builds a release binary, runs the default scenario
#   make test   installs libgsl-dev, prometheus_client and prometheus if missing, builds and runs the whole test suite,
#               then the CI gate over Scenarios/ci/ and the OpenMetrics parser check
#   make test-cluster  the sharded sweep on a real one-node Slurm on loopback (installs slurm-wlm and munge if
#               missing; .ci/run runs it after make test)
#   make reports  regenerates Reports/<scenario>/ for every shipped scenario and Reports/README.md
SWIFT ?= swift
PYTHON ?= python3
BIN    = .build/release/factory-twin
DEBUG_BIN = .build/debug/factory-twin
SCENARIO ?= Scenarios/reference-immersion.yaml

.PHONY: run test test-cluster build release deps prometheus-deps bench reports ci-check clean

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
	@# The metrics test parses metrics.prom with prometheus_client's OpenMetrics parser (PyPI).
	@if $(PYTHON) -c 'import prometheus_client' 2>/dev/null; then :; else \
	  echo "prometheus_client not found: installing it with pip (OpenMetrics parser for the metrics test)"; \
	  $(PYTHON) -m pip install --quiet prometheus_client 2>/dev/null \
	    || $(PYTHON) -m pip install --quiet --break-system-packages prometheus_client \
	    || { echo "error: could not install prometheus_client; run: $(PYTHON) -m pip install prometheus_client"; exit 1; }; \
	fi

# The serve acceptance test (Tests/ServeTests) scrapes `factory-twin serve` with a real Prometheus server: Debian's
# `prometheus` package. The test starts its own on loopback with a temporary config and data directory on free
# ports; the package's system service is not used (where systemd runs it, it is stopped and disabled here).
prometheus-deps:
	@if command -v prometheus >/dev/null 2>&1; then :; else \
	  echo "prometheus not found: installing Debian's prometheus package with apt-get (for the serve scrape test)"; \
	  SUDO=""; if [ "$$(id -u)" != 0 ]; then SUDO="sudo"; fi; \
	  if command -v apt-get >/dev/null 2>&1; then \
	    $$SUDO apt-get update -qq && DEBIAN_FRONTEND=noninteractive $$SUDO apt-get install -y -qq --no-install-recommends prometheus || { \
	      echo "error: could not install prometheus. Install it by hand (Debian/Ubuntu: apt-get install prometheus;"; \
	      echo "  elsewhere: https://prometheus.io/download/ and put the prometheus binary on PATH)"; exit 1; }; \
	    if command -v systemctl >/dev/null 2>&1 && [ -d /run/systemd/system ]; then \
	      $$SUDO systemctl disable --now prometheus prometheus-node-exporter >/dev/null 2>&1 || true; fi; \
	  else \
	    echo "error: prometheus missing and apt-get unavailable: https://prometheus.io/download/ (put prometheus on PATH)"; exit 1; \
	  fi; \
	fi

build: deps
	$(SWIFT) build

release: deps
	$(SWIFT) build -c release

test: deps prometheus-deps
	$(SWIFT) build --build-tests
	$(SWIFT) test --skip-build --disable-swift-testing
	@$(MAKE) --no-print-directory ci-check

# The CI gate: every Scenarios/ci scenario against its limits and committed baseline (JUnit in .build/); a scenario
# made hotter than its limit must fail with exit 1; every metrics.prom must parse as OpenMetrics.
ci-check:
	@$(SWIFT) build --product factory-twin > /dev/null
	$(DEBUG_BIN) check Scenarios/ci/*.yaml --baseline Scenarios/ci/baselines --junit .build/ci-check-junit.xml --out .build/ci-check
	@$(DEBUG_BIN) check Tests/Fixtures/ci-too-hot.yaml > .build/ci-too-hot.txt; status=$$?; \
	  if [ $$status -eq 1 ]; then echo "check: Tests/Fixtures/ci-too-hot.yaml fails as it must (exit 1)"; \
	  else cat .build/ci-too-hot.txt; echo "error: check gave exit $$status on a scenario hotter than its limit (expected 1)"; exit 1; fi
	$(DEBUG_BIN) report Tests/Fixtures/report-with-serving --out .build/report-fixture
	$(PYTHON) .ci/check_openmetrics.py .build/ci-check/*/metrics.prom
	$(PYTHON) .ci/check_openmetrics.py --expect-serving .build/report-fixture/metrics.prom

# A real Slurm (slurmctld, slurmd, munged on 127.0.0.1) runs deploy/slurm/sweep.sbatch as a job array with one task
# cancelled and requeued, merges with --dependency=afterok and compares with the unsharded sweep byte for byte.
test-cluster: deps
	@$(SWIFT) build --product factory-twin > /dev/null
	deploy/slurm/test-cluster.sh

run: release
	$(BIN) run $(SCENARIO)

# Reports of the shipped scenarios, bit-identical from run to run (--reproducible zeroes the wall time); a scenario
# that names a `baseline:` (the reference names the air-cooled hall) simulates it for its comparisons. Then the
# index and the README's generated tables (ReadmeSyncTests fails when README.md and Reports/ disagree).
reports: release
	@for f in Scenarios/*.yaml; do \
	  case $$f in */traditional-air-cooled.yaml|*/reference-immersion.yaml) extra=--sensitivity;; *) extra=;; esac; \
	  echo "$(BIN) run $$f --quiet --reproducible $$extra"; $(BIN) run $$f --quiet --reproducible $$extra || exit 1; \
	done
	$(BIN) plan Scenarios/reference-immersion.yaml --meet document
	@for f in Scenarios/validation/*.yaml; do echo "$(BIN) run $$f --quiet --reproducible"; $(BIN) run $$f --quiet --reproducible || exit 1; done
	$(BIN) report Reports --index
	$(BIN) report Reports --sync-readme README.md

bench: release
	$(BIN) bench engine

clean:
	rm -rf .build
