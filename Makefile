# Brug: `make demo` starts Brug with demo data; `make test` runs every test.
SHELL := /bin/bash
PY ?= python3.11
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed
PYTEST_ARGS ?=

.PHONY: demo test install assets browser lint bench run worker clean

$(BIN)/python:
	$(PY) -m venv $(VENV) || python3 -m venv $(VENV)

$(STAMP): pyproject.toml | $(BIN)/python
	$(BIN)/pip install --quiet --upgrade pip
	$(BIN)/pip install --quiet -e '.[dev]'
	touch $(STAMP)

install: $(STAMP) assets

node_modules/.installed: package.json
	npm install --no-audit --no-fund --loglevel=error
	touch node_modules/.installed

# NL Design System CSS, htmx and axe-core come from npm and are served by Brug itself (no CDN).
assets: node_modules/.installed
	mkdir -p brug/static/vendor/utrecht brug/static/vendor/htmx brug/static/vendor/axe
	cp node_modules/@utrecht/component-library-css/dist/index.css brug/static/vendor/utrecht/index.css
	cp node_modules/@utrecht/design-tokens/dist/theme.css brug/static/vendor/utrecht/theme.css
	cp node_modules/htmx.org/dist/htmx.min.js brug/static/vendor/htmx/htmx.min.js
	cp node_modules/axe-core/axe.min.js brug/static/vendor/axe/axe.min.js

browser:
	@command -v chromium >/dev/null || (apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium fonts-dejavu-core)

demo: install
	$(BIN)/python manage.py migrate --noinput
	$(BIN)/python manage.py load_demo
	$(BIN)/python manage.py rescore_signals
	$(BIN)/python manage.py knowledge_reembed
	$(BIN)/python manage.py runserver 127.0.0.1:8000

# The whole suite on SQLite (with the browser tests), then again on PostgreSQL when reachable.
test: install browser
	DATABASE_URL= $(BIN)/python -m pytest $(PYTEST_ARGS)
	@if [ -n "$$DATABASE_URL" ] && $(BIN)/python scripts/db_reachable.py; then \
		echo "== PostgreSQL: $$DATABASE_URL"; \
		$(BIN)/python -m pytest -m "not browser" $(PYTEST_ARGS); \
	else echo "== PostgreSQL not reachable (DATABASE_URL unset): PostgreSQL run skipped"; fi

# The house rules (docs/DEVELOPING.md): style, types, the import layers and no dead code.
lint: install
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .
	$(BIN)/mypy brug
	$(BIN)/lint-imports
	$(BIN)/vulture

# Benchmarks are not part of the test suite; each writes its table in bench/results/ (see bench/README.md).
# red-dwarf (the opinion peer) lives in its own venv so that the app's dependencies stay clean.
.venv-bench/.installed:
	$(PY) -m venv .venv-bench
	.venv-bench/bin/pip install --quiet red-dwarf==0.4.0 numpy scipy scikit-learn threadpoolctl
	touch .venv-bench/.installed

bench: install .venv-bench/.installed
	$(BIN)/python -m bench.text.run
	$(BIN)/python -m bench.learning.run
	.venv-bench/bin/python -m bench.opinion.run
	$(BIN)/python -m bench.knowledge.run
	$(BIN)/python -m bench.dialogue.vote_latency
	$(BIN)/python -m bench.signals.generate 1000000 /tmp/brug-signals-1m.csv
	$(BIN)/python -m bench.signals.import_bench /tmp/brug-signals-1m.csv
	$(BIN)/python -m bench.signals.monitor_bench

run: install
	$(BIN)/gunicorn brug.wsgi -b 127.0.0.1:8000 -w 2

worker: install
	$(BIN)/celery -A brug worker -l info

clean:
	rm -rf $(VENV) node_modules brug/static/vendor var
