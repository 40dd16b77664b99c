# The Family Resources Service. `make help` lists the targets.
SHELL := /bin/bash
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
PORT ?= 8000
PYTEST_ARGS ?=
SCALE ?= 1

.DEFAULT_GOAL := help

help: ## List the targets
	@grep -E '^[a-z-]+:.*## ' $(MAKEFILE_LIST) | awk -F ':.*## ' '{printf "  make %-10s %s\n", $$1, $$2}'

$(BIN)/.installed: pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --upgrade pip
	$(BIN)/pip install --quiet -e ".[dev]"
	touch $@

node_modules/.installed: package.json package-lock.json
	npm ci --no-audit --no-fund
	touch $@

build/static/css/application.css: node_modules/.installed frontend/build.mjs $(wildcard frontend/scss/*.scss)
	npm run build

install: $(BIN)/.installed ## Create .venv and install the pinned Python packages
assets: build/static/css/application.css ## Build GOV.UK Frontend's CSS and JavaScript into build/static

# Tasks go to the database queue, taken by the worker `make run` starts beside the web server (ADR 0023).
run: export TASKS_BACKEND = django_tasks_db.DatabaseBackend
run: install assets translations ## Serve the service on http://127.0.0.1:$(PORT) with SQLite and demo data
	mkdir -p var
	$(BIN)/python manage.py migrate --no-input
	$(BIN)/python manage.py load_demo_data
	@echo
	@echo "The Family Resources Service is at http://127.0.0.1:$(PORT)/ (staff sign-in: http://127.0.0.1:$(PORT)/staff/sign-in/)"
	@echo
	@# The worker and the scheduler run in the background and are stopped when the web server stops (Ctrl+C).
	$(BIN)/python manage.py db_worker & worker=$$!; \
	$(BIN)/python manage.py run_scheduler & scheduler=$$!; \
	trap 'kill $$worker $$scheduler 2>/dev/null; wait' EXIT INT TERM; \
	$(BIN)/python manage.py runserver 127.0.0.1:$(PORT)

gettext:
	@if ! command -v msgfmt >/dev/null; then \
		echo "Installing Debian's gettext for the translation catalogues"; \
		apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq gettext >/dev/null; \
	fi

MESSAGES_IGNORE := --ignore=.venv --ignore=node_modules --ignore=build --ignore='*/tests/*'

messages: install gettext ## Update the translation catalogues in locale/ from the code's strings
	$(BIN)/python manage.py makemessages $(foreach code,ur pl bn ro pa pt,--locale $(code)) --no-obsolete $(MESSAGES_IGNORE)

translations: install gettext ## Compile the translation catalogues the service reads (locale/*/LC_MESSAGES/django.mo)
	$(BIN)/python manage.py compilemessages --ignore=.venv --ignore=node_modules --verbosity 0

chromium: ## Install Debian's Chromium for the browser tests, if it is missing
	@if [ ! -x /usr/bin/chromium ]; then \
		echo "Installing Debian's chromium for the browser tests"; \
		apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium >/dev/null; \
	fi

pdf-fonts: ## Install Debian's pango and Noto fonts for the PDF reports (WeasyPrint), if they are missing
	@if ! dpkg -s fonts-noto-core libpango-1.0-0 libpangoft2-1.0-0 >/dev/null 2>&1; then \
		echo "Installing Debian's pango and Noto fonts for the PDF reports"; \
		apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq fonts-noto-core libpango-1.0-0 libpangoft2-1.0-0 >/dev/null; \
	fi

# The consultation summary PDF and notice letters are drawn with these fonts (docs/decisions/0029, 0031).
test: pdf-fonts
run: pdf-fonts

.PHONY: pdf-fonts

lint: install ## ruff and mypy, as CI runs them
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .
	$(BIN)/mypy .

check-migrations: install ## Fail if a model change has no migration
	mkdir -p var
	$(BIN)/python manage.py makemigrations --check --dry-run --settings=config.settings.test

test: install assets translations chromium lint check-migrations ## Run the whole suite (lint, unit, browser and accessibility tests)
	@# pytest exits 5 when it collected no test: that is a failure, not a pass.
	$(BIN)/python -m pytest -n 2 $(PYTEST_ARGS); status=$$?; \
	if [ $$status -eq 5 ]; then echo "No tests ran." >&2; exit 1; fi; exit $$status

format: install ## Apply ruff's fixes and formatting
	$(BIN)/ruff check --fix .
	$(BIN)/ruff format .

bench: install assets translations ## Load a dataset of ten years' work (SCALE=1) into PostgreSQL, serve it as production does, print the benchmark
	$(BIN)/pip install --quiet -e ".[bench]"
	$(BIN)/python bench/run.py --scale $(SCALE)

.PHONY: help install assets gettext messages translations run chromium lint check-migrations test format bench
