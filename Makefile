# Two entry points: `make run` (set up and start the bot) and `make test` (set up and run the tests).
PYTHON ?= python3.11
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed
OPTIMIZED := $(VENV)/.compiled-OO

.PHONY: run console test lint bench clean

$(STAMP): pyproject.toml
	@command -v $(PYTHON) >/dev/null 2>&1 || { echo "Waypoint needs Python 3.11 ($(PYTHON) not found; try make PYTHON=python3)"; exit 1; }
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --upgrade pip
	$(BIN)/pip install --quiet -e '.[dev]'
	@touch $(STAMP)

# Bytecode without docstrings, compiled once: a replica that compiled it at each start would
# take seconds longer to start and peak about 4 MB higher.
$(OPTIMIZED): $(STAMP)
	$(BIN)/python -OO -m compileall -q -j 0 $(VENV)/lib bot dialogs nlp
	@touch $(OPTIMIZED)

# -OO: a long-running replica has no use for docstrings, and they cost about 9 MB.
run: $(OPTIMIZED)
	$(BIN)/python -OO -m bot

console: $(STAMP)
	$(BIN)/python -m bot console

test: $(STAMP)
	$(BIN)/python -m pytest

lint: $(STAMP)
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .
	$(BIN)/mypy bot dialogs nlp

clean:
	rm -rf $(VENV) .pytest_cache .mypy_cache .ruff_cache *.egg-info
