# Targets a newcomer can guess. Everything runs inside ./.venv, made on first use.
PYTHON ?= python3
VENV ?= .venv
BIN = $(VENV)/bin

.PHONY: demo test lint typecheck bench clean

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

clean:
	rm -rf $(VENV) forewarn.db forewarn.db-wal forewarn.db-shm
