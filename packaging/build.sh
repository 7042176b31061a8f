#!/usr/bin/env bash
# Builds the one-folder app with PyInstaller and checks that it starts.
set -euo pipefail
cd "$(dirname "$0")/.."
make .venv/bin/.installed >/dev/null
.venv/bin/pip install --quiet pyinstaller
.venv/bin/pyinstaller --noconfirm packaging/hearth.spec
QT_QPA_PLATFORM=offscreen HEARTH_DATA_DIR="$(mktemp -d)" dist/hearth/hearth --smoke-test
