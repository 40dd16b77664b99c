# The Family Resources Service. `make help` lists the targets.
SHELL := /bin/bash
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
PORT ?= 8000
PYTEST_ARGS ?=

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

run: install assets ## Serve the service on http://127.0.0.1:$(PORT) with SQLite and demo data
	mkdir -p var
	$(BIN)/python manage.py migrate --no-input
	$(BIN)/python manage.py load_demo_data
	@echo
	@echo "The Family Resources Service is at http://127.0.0.1:$(PORT)/ (staff sign-in: http://127.0.0.1:$(PORT)/staff/sign-in/)"
	@echo
	$(BIN)/python manage.py runserver 127.0.0.1:$(PORT)

chromium: ## Install Debian's Chromium for the browser tests, if it is missing
	@if [ ! -x /usr/bin/chromium ]; then \
		echo "Installing Debian's chromium for the browser tests"; \
		apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium >/dev/null; \
	fi

lint: install ## ruff and mypy, as CI runs them
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .
	$(BIN)/mypy .

check-migrations: install ## Fail if a model change has no migration
	mkdir -p var
	$(BIN)/python manage.py makemigrations --check --dry-run --settings=config.settings.test

test: install assets chromium lint check-migrations ## Run the whole suite (lint, unit, browser and accessibility tests)
	@# pytest exits 5 when it collected no test: that is a failure, not a pass.
	$(BIN)/python -m pytest -n 2 $(PYTEST_ARGS); status=$$?; \
	if [ $$status -eq 5 ]; then echo "No tests ran." >&2; exit 1; fi; exit $$status

format: install ## Apply ruff's fixes and formatting
	$(BIN)/ruff check --fix .
	$(BIN)/ruff format .

.PHONY: help install assets run chromium lint check-migrations test format
