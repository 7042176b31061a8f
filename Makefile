# Hearth developer commands. `make run` launches the app; `make test` runs every check;
# `make package` builds dist/hearth/hearth and a .deb (see packaging/build.py).
PYTHON ?= python3
VENV ?= .venv
BIN := $(VENV)/bin

.PHONY: run test lint typecheck pytest bench bench-deps clean translations screenshots package

$(BIN)/.installed: pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -e '.[test]'
	touch $@

run: $(BIN)/.installed
	$(BIN)/hearth

lint: $(BIN)/.installed
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .

typecheck: $(BIN)/.installed
	$(BIN)/mypy

pytest: $(BIN)/.installed $(BIN)/.bench-deps
	QT_QPA_PLATFORM=offscreen $(BIN)/pytest -q

test: lint typecheck pytest

bench: $(BIN)/.installed
	QT_QPA_PLATFORM=offscreen $(BIN)/python -m bench

# Every main view at 800x500 and 1440x900, in English and Chinese, light and dark, into build/screenshots/
# (offscreen: no display needed; sample data and the Ollama double: no network).
screenshots: $(BIN)/.installed
	QT_QPA_PLATFORM=offscreen $(BIN)/python -m tools.screenshots --out build/screenshots

# The function-calling benchmark's data and checker: bfcl-eval without its declared
# dependencies (see the `bench` extra in pyproject.toml), then what it really imports.
BFCL_EVAL ?= bfcl-eval==2026.3.23
bench-deps: $(BIN)/.bench-deps
$(BIN)/.bench-deps: $(BIN)/.installed
	$(BIN)/python -m pip install --quiet --no-deps '$(BFCL_EVAL)'
	$(BIN)/python -m pip install --quiet -e '.[bench]'
	touch $@

# The one-folder app (dist/hearth/hearth) and dist/hearth_VERSION_ARCH.deb; needs dpkg-deb.
package: $(BIN)/.installed
	$(BIN)/python packaging/build.py --dist dist --work build

clean:
	rm -rf $(VENV) .mypy_cache .ruff_cache .pytest_cache build dist

# Re-extract every user-visible string from app/ (lupdate) and every template agents/ says
# (agent_words.py, context "agents"), fill known translations, compile .qm files.
# Sources (.ts, phrase books) live in assets/i18n; the compiled .qm ships in app/assets/i18n.
translations: $(BIN)/.installed
	$(BIN)/pyside6-lupdate -no-obsolete $$(find app -name '*.py' | sort) -ts assets/i18n/hearth_zh_CN.ts
	$(BIN)/python assets/i18n/agent_words.py assets/i18n/hearth_zh_CN.ts
	$(BIN)/python assets/i18n/fill.py assets/i18n/hearth_zh_CN.ts zh_CN
	$(BIN)/pyside6-lrelease assets/i18n/hearth_zh_CN.ts -qm app/assets/i18n/hearth_zh_CN.qm
