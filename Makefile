# Two commands set everything up on a fresh machine with python3: `make run` and `make test`.
SHELL := /bin/bash
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
PY := $(BIN)/python
HOST ?= 127.0.0.1
PORT ?= 8000
SAMPLES := speeches/fixtures/samples

.PHONY: run serve screenshots test test-sqlite test-postgres browser-deps venv venv-dev migrate samples clean

# --- environments -----------------------------------------------------------------------
$(VENV)/.run-stamp: requirements.txt
	test -x $(PY) || $(PYTHON) -m venv $(VENV)
	$(PY) -m pip install --quiet --disable-pip-version-check -r requirements.txt
	touch $@

$(VENV)/.dev-stamp: $(VENV)/.run-stamp requirements-dev.txt
	$(PY) -m pip install --quiet --disable-pip-version-check -r requirements-dev.txt
	touch $@

venv: $(VENV)/.run-stamp
venv-dev: $(VENV)/.dev-stamp

# --- running ----------------------------------------------------------------------------
migrate: venv
	$(PY) manage.py migrate --noinput

# Imports the bundled samples into an empty archive, then makes sure the index holds every section.
samples: migrate
	$(PY) manage.py import_speeches --if-empty $(SAMPLES)
	$(PY) manage.py index_check --repair

# The background worker (upload confirm, django-tasks) runs beside the web server and stops with it.
run: samples
	$(PY) manage.py db_worker --no-reload & worker=$$!; trap 'kill $$worker 2>/dev/null' EXIT; \
	$(PY) manage.py runserver $(HOST):$(PORT)

# Production-style serving: gunicorn with a sync worker per core, preloaded (the settings bench/load.sh
# measured; docs/OPERATIONS.md "Serving"), DEBUG off, static files through whitenoise. Plain HTTP on
# this machine, so the HTTPS-only redirect and cookies are off here; behind a TLS proxy, unset them.
SERVE_ENV := DJANGO_DEBUG=0 DJANGO_SECURE_SSL_REDIRECT=0 DJANGO_SECURE_COOKIES=0 \
	DJANGO_SECRET_KEY="$${DJANGO_SECRET_KEY:-$$(cat var/secret_key)}"
serve: samples var/secret_key
	$(SERVE_ENV) $(PY) manage.py collectstatic --noinput -v 0
	$(SERVE_ENV) $(PY) manage.py db_worker --no-reload & worker=$$!; trap 'kill $$worker 2>/dev/null' EXIT; \
	$(SERVE_ENV) $(BIN)/gunicorn archive.wsgi --bind $(HOST):$(PORT) --workers 2 --threads 1 --preload

var/secret_key:
	mkdir -p var && $(PYTHON) -c "import secrets; print(secrets.token_urlsafe(50))" > $@ && chmod 600 $@

# --- tests ------------------------------------------------------------------------------
# Installs Debian's Chromium and a CJK font when missing (root only); never `playwright install`.
browser-deps:
	@bash .ci/ensure-chromium

test: venv-dev browser-deps
	@bash .ci/test-all

test-sqlite: venv-dev browser-deps
	@bash .ci/test-all sqlite

test-postgres: venv-dev browser-deps
	@bash .ci/test-all postgres

# The pictures in README.md, taken by the browser test in real Chromium.
screenshots: venv-dev browser-deps
	ARCHIVE_SCREENSHOTS=docs/screenshots $(PY) -m pytest -q tests/browser -k screenshots

clean:
	rm -rf $(VENV) var
