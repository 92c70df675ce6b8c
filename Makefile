# Targets a newcomer can guess. Everything runs inside ./.venv, made on first use.
PYTHON ?= python3
VENV ?= .venv
BIN = $(VENV)/bin

FAST ?= .venv-fast
FAST_BIN = $(FAST)/bin

.PHONY: demo test lint typecheck bench clean fast test-fast bench-fast

$(BIN)/.installed: pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --upgrade pip
	$(BIN)/pip install --quiet -e .
	touch $@

$(BIN)/.dev-installed: pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --upgrade pip
	$(BIN)/pip install --quiet -e '.[dev]'
	touch $(BIN)/.installed $@

# A second venv whose analysis core is compiled to C by mypyc: same analyses,
# faster. Needs a C compiler and the Python headers; see docs/pipeline.md.
$(FAST_BIN)/.installed: pyproject.toml setup.py $(shell find src -type f -not -path '*/__pycache__/*')
	$(PYTHON) -m venv $(FAST)
	$(FAST_BIN)/pip install --quiet --upgrade pip 'setuptools>=77' wheel 'mypy>=1.10'
	FOREWARN_COMPILE=1 $(FAST_BIN)/pip install --quiet --no-build-isolation '.[dev]'
	touch $@

demo: $(BIN)/.installed  ## ingest and analyse the bundled example corpus into ./forewarn.db
	$(BIN)/forewarn demo

test: $(BIN)/.dev-installed  ## the whole test suite
	$(BIN)/python -m pytest

lint: $(BIN)/.dev-installed
	$(BIN)/ruff check src tests bench
	$(BIN)/ruff format --check src tests bench

typecheck: $(BIN)/.dev-installed
	$(BIN)/mypy

bench: $(BIN)/.dev-installed  ## speed, memory and accuracy tables
	$(BIN)/python bench/ingest.py
	$(BIN)/python bench/analyze.py
	$(BIN)/python bench/stage_calls.py
	$(BIN)/python bench/store.py
	$(BIN)/python bench/hostile.py
	$(BIN)/python bench/corpus_counts.py
	$(BIN)/python bench/accuracy.py all

fast: $(FAST_BIN)/.installed  ## .venv-fast: forewarn with its analysis core compiled (mypyc)

test-fast: $(FAST_BIN)/.installed  ## the whole test suite again, against the compiled analysis core
	FOREWARN_EXPECT_COMPILED=1 $(FAST_BIN)/python -m pytest

bench-fast: $(FAST_BIN)/.installed  ## analysis speed of the compiled core, beside the bare tokenizer
	$(FAST_BIN)/python bench/analyze.py

clean:
	rm -rf $(VENV) $(FAST) build forewarn.db forewarn.db-wal forewarn.db-shm
