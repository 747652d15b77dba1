# decline — the two commands a new user needs are `make demo` and `make test`.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
PIP := $(BIN)/python -m pip install -q --disable-pip-version-check
# Two stamps: the demo needs only the package itself (a plain install, seconds from the
# pip cache); the tests also need the dev tools and the chart and keyring extras.
DEMO_STAMP := $(VENV)/.installed-demo
STAMP := $(VENV)/.installed

.PHONY: demo test lint typecheck pytest eval eval-fix eval-final model bench docs clean

$(BIN)/python:
	$(PYTHON) -m venv $(VENV)

$(DEMO_STAMP): pyproject.toml | $(BIN)/python
	$(PIP) -e .
	touch $(DEMO_STAMP)

$(STAMP): pyproject.toml | $(BIN)/python
	$(PIP) -e '.[dev]'
	touch $(STAMP)

demo: $(DEMO_STAMP)
	$(BIN)/decline demo

test: lint typecheck pytest

lint: $(STAMP)
	$(BIN)/ruff check src tests benchmarks
	$(BIN)/ruff format --check src tests benchmarks

typecheck: $(STAMP)
	$(BIN)/mypy

pytest: $(STAMP)
	$(BIN)/python -m pytest -q

eval: $(STAMP)
	$(BIN)/python benchmarks/eval_review.py

# review --fix over the tuning and real-world corpora: none worse, share kept and improved
eval-fix: $(STAMP)
	$(BIN)/python benchmarks/eval_fix.py

# The frozen final corpora (benchmarks/corpus/final/), per language with bootstrap 95%
# intervals: run once, after the last change to the checker.
eval-final: $(STAMP)
	$(BIN)/python benchmarks/eval_review.py --final

# The learned layer of the checker, from the corpora it was never tuned on (fixed seed,
# deterministic): rebuild after any change to the rules or lexicons. Card: docs/model.md.
model: $(STAMP)
	$(BIN)/python -m decline.checker.train

bench: $(STAMP)
	$(BIN)/python benchmarks/bench.py

docs: $(STAMP)
	$(BIN)/python -m decline.checker.docs > docs/rules.md
	$(BIN)/python -m decline.checker.lexicon
	$(BIN)/python -m decline.languages.formats

clean:
	rm -rf $(VENV) .pytest_cache .mypy_cache .ruff_cache .hypothesis
