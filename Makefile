# thidua: `make run` to try it, `make test` to test it. Needs only Python 3.11 and make.
PYTHON ?= $(shell command -v python3.11 || command -v python3)
VENV := .venv
BIN := $(VENV)/bin
HOST ?= 127.0.0.1
PORT ?= 8000
STAMP := $(VENV)/.installed

# Development defaults; production sets these in its own environment (see README).
export DEBUG ?= 1
export SITE_URL ?= http://$(HOST):$(PORT)

.PHONY: run serve worker install install-ocr migrate demo test lint fmt check bench bench-national plan-scores clean

$(STAMP): requirements.txt requirements-dev.txt
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --disable-pip-version-check -r requirements-dev.txt
	touch $(STAMP)

install: $(STAMP)

# Tesseract with its Vietnamese model reads scanned plans (README, "Reading plans"). Installed
# where missing when this machine lets us (Debian, as root); otherwise the app says so when a
# scan is uploaded, and this prints the command to run.
install-ocr:
	@if command -v tesseract >/dev/null 2>&1 && tesseract --list-langs 2>/dev/null | grep -qx vie; then :; \
	elif command -v apt-get >/dev/null 2>&1 && [ "$$(id -u)" = 0 ]; then \
	  echo "== installing Tesseract (Vietnamese) for scanned plans"; \
	  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq tesseract-ocr tesseract-ocr-vie >/dev/null \
	  || { apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq tesseract-ocr tesseract-ocr-vie >/dev/null; } \
	  || echo "thidua: could not install Tesseract; scans will be refused with a message"; \
	else echo "thidua: to read scanned plans, install tesseract-ocr tesseract-ocr-vie (see README)"; fi

migrate: install
	$(BIN)/python manage.py migrate --no-input -v 0

demo: migrate
	$(BIN)/python manage.py load_units
	$(BIN)/python manage.py seed_demo

# Install, migrate, load the official tree and the demo data, then serve the app with a
# task worker beside it. Ctrl-C stops both. The demo is served as production would be
# (DEBUG off: the Vietnamese error pages, never Django's English debug pages), with a key
# of its own made on the first run and kept out of the repository (.secret_key), plain
# HTTP cookies on this machine, and static files straight from the apps (whitenoise).
SECRET_FILE := .secret_key
$(SECRET_FILE):
	@$(PYTHON) -c 'import secrets; print(secrets.token_urlsafe(50))' > $@
	@chmod 600 $@

run: install-ocr demo $(SECRET_FILE)
	@echo "thidua: http://$(HOST):$(PORT)/  (dừng bằng Ctrl-C)"
	@trap 'kill 0' INT TERM EXIT; \
	export DEBUG=0 STATIC_MANIFEST=0 SECURE_COOKIES=0 SECRET_KEY="$$(cat $(SECRET_FILE))"; \
	$(BIN)/python manage.py run_worker --interval 1 & \
	$(BIN)/python manage.py runserver --insecure $(HOST):$(PORT)

worker: install
	$(BIN)/python manage.py run_worker

# The whole suite. Browser tests run when THIDUA_BROWSER_TESTS=1 (CI sets it); PostgreSQL
# when DATABASE_URL points at it (CI does). Otherwise: SQLite, browser tests skipped.
test: install
	DEBUG=0 $(BIN)/python -m pytest $(PYTEST_ARGS)

lint: install
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .

fmt: install
	$(BIN)/ruff format .
	$(BIN)/ruff check --fix .

check: install
	$(BIN)/python manage.py makemigrations --check --dry-run
	$(BIN)/python manage.py check

# The nation's data (2 million subjects…) in scratch PostgreSQL databases, and every page
# measured on it and on a 1 % copy (bench/national.py; README, "Benchmarks"). SCALE=0.01
# for a quick run.
SCALE ?= 1
bench-national: install
	$(BIN)/python bench/national.py --scale $(SCALE)

# The plan reader on the three development sets beside the repository: score and time per
# text (bench/plan_reading.py; README, "Reading plans").
plan-scores: install
	$(BIN)/python bench/plan_reading.py

bench: install
	$(BIN)/python bench/run.py
	$(BIN)/python bench/exemplars.py
	$(BIN)/python bench/plans.py
	$(BIN)/python bench/conferences.py
	$(BIN)/python bench/awards.py
	$(BIN)/python bench/showcase.py
	$(BIN)/python bench/hostile.py
	$(BIN)/python bench/plan_reading.py

clean:
	rm -rf $(VENV) thidua.sqlite3 thidua.sqlite3-* staticfiles
