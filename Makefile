# `make run` serves the bundled scenarios; `make test` runs the test suite (`make test-sdk`
# the official SDK's resource tests against --lenient).
# Both create (or reuse) .venv and install what they need from pyproject.toml: `run` only what
# serving needs (no media extras: see docs/install.md), the tests the test tools and every
# extra, so the audio, image and video tests run.
PYTHON ?= python3
VENV ?= .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed
RUN_STAMP := $(VENV)/.installed-run
PORT ?= 8000

.PHONY: run test test-sdk lint docs container-test bench clean

$(BIN)/python:
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip

$(RUN_STAMP): pyproject.toml | $(BIN)/python
	$(BIN)/python -m pip install --quiet -e .
	touch $(RUN_STAMP)

$(STAMP): pyproject.toml | $(BIN)/python
	$(BIN)/python -m pip install --quiet -e '.[test,all]'
	touch $(STAMP)

run: $(RUN_STAMP)
	$(BIN)/mockai serve --scenarios scenarios --port $(PORT)

test: $(STAMP)
	$(BIN)/python -m pytest -q -n auto -m "not sdk_resources"

# The official Python SDK's resource tests against `mockai serve --lenient` (8,842 tests, about
# 140 s on 2 cores; tests/test_sdk_resources.py). Left out of `make test`, which it would
# lengthen by about 2 minutes; CI runs both.
test-sdk: $(STAMP)
	$(BIN)/python -m pytest -q -m sdk_resources tests/test_sdk_resources.py

# Lint, format check, type check and the layers contract (ruff, mypy and import-linter,
# configured in pyproject.toml); `ruff format` fixes the format.
LINTED := mockai tests scripts bench docs/hooks
lint: $(STAMP)
	$(BIN)/ruff check $(LINTED)
	$(BIN)/ruff format --check $(LINTED)
	$(BIN)/mypy
	$(BIN)/lint-imports

# The documentation site (mkdocs.yml, pages under docs/), built strictly (a warning fails it)
# into build/site; open build/site/index.html.
$(VENV)/.docs: pyproject.toml | $(BIN)/python
	$(BIN)/python -m pip install --quiet -e '.[docs]'
	touch $@

docs: $(VENV)/.docs
	NO_MKDOCS_2_WARNING=1 $(BIN)/mkdocs build --strict --site-dir build/site

# Build the image, run it and the compose example, check them from the host (docker, else podman).
container-test:
	$(PYTHON) scripts/container_smoke.py

# The benchmarks run the server as users should deploy it: with the `fast` extra (uvloop).
$(VENV)/.fast: $(STAMP)
	$(BIN)/python -m pip install --quiet -e '.[test,all,fast]'
	touch $@

bench: $(VENV)/.fast
	@command -v wrk >/dev/null || { echo "bench needs wrk (apt-get install wrk)"; exit 1; }
	$(BIN)/python bench/run.py

clean:
	rm -rf $(VENV) build *.egg-info
