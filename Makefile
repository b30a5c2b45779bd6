# Two commands are the whole setup: `make run` and `make test`.
# Both (re)create .venv from requirements.lock when it is missing or older than the lock.

PYTHON ?= python3
VENV := .venv
ifeq ($(OS),Windows_NT)
  BIN := $(VENV)/Scripts
else
  BIN := $(VENV)/bin
endif
PY := $(BIN)/python
STAMP := $(VENV)/.installed

.PHONY: run test lint format bench screenshots translations clean

$(STAMP): requirements.lock pyproject.toml
	@$(PYTHON) -c 'import sys; sys.exit(0 if sys.version_info >= (3, 11) else "Sponsor Desk needs Python 3.11 or newer; this is " + sys.version.split()[0])'
	@test -x $(PY) || $(PYTHON) -m venv $(VENV)
	$(PY) -m pip install --quiet --disable-pip-version-check -r requirements.lock
	$(PY) -m pip install --quiet --disable-pip-version-check --no-deps -e .
	@touch $(STAMP)

run: $(STAMP)
	@$(PY) -m sponsor_app.qt_check && $(BIN)/sponsor-app $(FILE)

test: $(STAMP)
	QT_QPA_PLATFORM=offscreen $(PY) -m pytest -q
	$(PY) -m ruff check sponsor_app tests bench tools

lint: $(STAMP)
	$(PY) -m ruff check sponsor_app tests bench tools
	$(PY) -m ruff format --check sponsor_app tests bench

format: $(STAMP)
	$(PY) -m ruff format sponsor_app tests bench
	$(PY) -m ruff check --fix sponsor_app tests bench

bench: $(STAMP)
	@# An installed app has its bytecode compiled (pip does it); measure that, whatever
	@# PYTHONDONTWRITEBYTECODE says in this shell.
	$(PY) -m compileall -q sponsor_app bench
	QT_QPA_PLATFORM=offscreen $(PY) -m bench

translations: $(STAMP)
	$(PY) tools/update_translations.py

screenshots: $(STAMP)
	QT_QPA_PLATFORM=offscreen $(PY) -m sponsor_app.ui.screenshots docs/screenshots
	QT_QPA_PLATFORM=offscreen QT_SCALE_FACTOR=1.5 $(PY) -m sponsor_app.ui.screenshots docs/screenshots

clean:
	rm -rf $(VENV) .pytest_cache .hypothesis .ruff_cache build *.egg-info
