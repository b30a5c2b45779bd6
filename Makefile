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

.PHONY: run test test-bundle lint format bench screenshots translations bundle clean

$(STAMP): requirements.lock pyproject.toml
	@$(PYTHON) -c 'import sys; sys.exit(0 if sys.version_info >= (3, 11) else "Sponsor Desk needs Python 3.11 or newer; this is " + sys.version.split()[0])'
	@test -x $(PY) || $(PYTHON) -m venv $(VENV)
	$(PY) -m pip install --quiet --disable-pip-version-check -r requirements.lock
	$(PY) -m pip install --quiet --disable-pip-version-check --no-deps -e .
	@touch $(STAMP)

# The build tools (PyInstaller) only for `make bundle`, from their own lock.
BUILD_STAMP := $(VENV)/.build-tools
$(BUILD_STAMP): $(STAMP) requirements-build.lock
	$(PY) -m pip install --quiet --disable-pip-version-check -r requirements-build.lock
	@touch $(BUILD_STAMP)

run: $(STAMP)
	@$(PY) -m sponsor_app.qt_check && $(BIN)/sponsor-app $(FILE)

# axe-core, pinned in tools/axe, for the accessible report's check in Chromium
# (tests/reports/test_accessible.py). Chromium itself comes from the system (.ci/run installs
# it as root); npm installs axe-core here, once, and again when its lock changes.
AXE_STAMP := tools/axe/node_modules/.installed
$(AXE_STAMP): tools/axe/package.json tools/axe/package-lock.json
	@command -v npm >/dev/null || { echo "make test needs npm (Node.js) for the accessible report's check"; exit 1; }
	npm ci --prefix tools/axe --no-audit --no-fund --silent
	@touch $(AXE_STAMP)

# The suite runs on every core (pytest-xdist); the tests marked `serial` (they time processes
# or fill the machine) run after, one at a time. TESTS=... runs part of it the same way.
# SPONSOR_DESK_BUNDLE_TEST=1 adds the test that builds the installable app (minutes).
WORKERS ?= auto
TESTS ?=
test: $(STAMP) $(AXE_STAMP) $(if $(SPONSOR_DESK_BUNDLE_TEST),$(BUILD_STAMP))
	@# pytest's exit 5 is "no test selected" (a TESTS=... with none of one kind): not a failure
	QT_QPA_PLATFORM=offscreen $(PY) -m pytest -q -n $(WORKERS) -m "not serial" $(TESTS) || test $$? -eq 5
	QT_QPA_PLATFORM=offscreen $(PY) -m pytest -q -m serial $(TESTS) || test $$? -eq 5
	$(PY) -m ruff check sponsor_app tests bench tools packaging

test-bundle: $(BUILD_STAMP)
	SPONSOR_DESK_BUNDLE_TEST=1 QT_QPA_PLATFORM=offscreen $(PY) -m pytest -q -m bundle

lint: $(STAMP)
	$(PY) -m ruff check sponsor_app tests bench tools packaging
	$(PY) -m ruff format --check sponsor_app tests bench packaging

format: $(STAMP)
	$(PY) -m ruff format sponsor_app tests bench packaging
	$(PY) -m ruff check --fix sponsor_app tests bench packaging

bench: $(STAMP)
	@# An installed app has its bytecode compiled (pip does it); measure that, whatever
	@# PYTHONDONTWRITEBYTECODE says in this shell.
	$(PY) -m compileall -q sponsor_app bench
	QT_QPA_PLATFORM=offscreen $(PY) -m bench

# The installable app: dist/sponsor-desk/ (its program is both the window and the command
# line), packed as a tarball (and an AppImage when a runtime is at hand; docs/releasing.md).
bundle: $(BUILD_STAMP)
	rm -rf dist/sponsor-desk
	$(PY) -m PyInstaller packaging/sponsor-desk.spec --noconfirm --log-level WARN \
		--distpath dist --workpath build/pyinstaller
	$(PY) packaging/linux/pack.py
	dist/sponsor-desk/sponsor-desk --self-test

translations: $(STAMP)
	$(PY) tools/update_translations.py

screenshots: $(STAMP)
	QT_QPA_PLATFORM=offscreen $(PY) tools/screenshots.py docs/screenshots
	QT_QPA_PLATFORM=offscreen QT_SCALE_FACTOR=1.5 $(PY) tools/screenshots.py docs/screenshots

clean:
	rm -rf $(VENV) .pytest_cache .hypothesis .ruff_cache build dist *.egg-info
