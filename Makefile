# Siang: `make demo` runs it on SQLite with demo data; `make test` runs lint and the whole suite.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed

.PHONY: install demo serve test suite lint format bench clean

$(STAMP): pyproject.toml
	@test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -e '.[dev]'
	@touch $(STAMP)

install: $(STAMP) ## Create .venv and install Siang with its dev tools (fast when nothing changed)

demo: install ## Migrate, seed and serve on http://127.0.0.1:8000 with demo data (SQLite)
	$(BIN)/siang demo $(DEMO_ARGS)

serve: install ## Serve with the settings from the environment / .env
	$(BIN)/siang serve

lint: install ## ruff (lint + format check) and mypy over the whole tree
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .
	$(BIN)/mypy .

# One test process more than there are cores: the suite spends much of its time waiting on
# subprocesses, browsers and PostgreSQL (two processes on two cores kept them 60 % busy).
TEST_PROCESSES ?= $(shell echo $$(( $$(nproc) + 1 )))

test: install ## Lint and the whole test suite side by side, on every core and one more (PostgreSQL/Redis tests run when their URLs are set)
	$(MAKE) --no-print-directory -j2 lint suite

suite: install ## The whole test suite alone (no lint)
	$(BIN)/pytest -n $(TEST_PROCESSES) --durations=25

format: install
	$(BIN)/ruff check --fix .
	$(BIN)/ruff format .

bench: install ## Run the benchmarks in bench/
	@for b in bench/*.py; do echo "== $$b"; $(BIN)/python $$b || exit 1; done

clean:
	rm -rf $(VENV) var .pytest_cache .mypy_cache .ruff_cache
