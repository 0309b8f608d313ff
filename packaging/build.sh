#!/usr/bin/env bash
# Build Backprop Studio as a one-folder application with PyInstaller: dist/backprop-studio/
# holds the executable, Python, Qt, numpy, the lessons, the icon and desktop files; it runs
# on a machine with no Python. Usage: bash packaging/build.sh   (from the source tree)
#
# PyInstaller rather than pyside6-deploy: pyside6-deploy drives Nuitka, which compiles the
# whole app to C (tens of minutes on this 2-core machine, and a C compiler on the build
# machine); PyInstaller collects the interpreter and the packages as they are in about a
# minute, and its hooks for PySide6 and numpy are maintained upstream.
set -euo pipefail
cd "$(dirname "$0")/.."
python -m pip install --quiet "pyinstaller>=6.10"
for ts in resources/i18n/*.ts; do  # the translations, compiled (.qm) into the app
    pyside6-lrelease -silent "$ts" -qm "${ts%.ts}.qm"
done
python -m PyInstaller --noconfirm --clean packaging/backprop-studio.spec
out=dist/backprop-studio
du -sh "$out"
echo "built $out/backprop-studio"
