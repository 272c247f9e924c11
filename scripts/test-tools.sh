#!/usr/bin/env sh
# Run by `mvn verify` before the tests (generate-test-resources). The JavaScript tests and the
# browser tests need Node.js with npm, Debian's Chromium and a CJK font (for screenshots). What is
# missing is installed with apt-get when this runs as root (or with password-less sudo), as on
# CI and on the project's machines; otherwise the script names what to install and fails, so
# the suite never passes with the browser tests quietly left out. Then npm ci installs
# playwright-core, the driver Playwright for Java runs with the machine's Node.
# `mvn verify -Dcasebook.browser=skip` leaves these tests out (never under CI=true).
set -eu
cd "$(dirname "$0")/.."
missing=""
command -v node >/dev/null 2>&1 || missing="$missing nodejs"
command -v npm >/dev/null 2>&1 || missing="$missing npm"
chromium="${CASEBOOK_CHROMIUM:-/usr/bin/chromium}"
[ -x "$chromium" ] || missing="$missing chromium"
# (dpkg -s also succeeds for a removed package whose config files are left: ask for "installed")
if command -v dpkg-query >/dev/null 2>&1 \
    && ! dpkg-query -W -f='${Status}' fonts-wqy-microhei 2>/dev/null | grep -q "install ok installed"; then
  missing="$missing fonts-wqy-microhei"
fi
if [ -n "$missing" ]; then
  sudo=""
  if [ "$(id -u)" -ne 0 ] && command -v sudo >/dev/null 2>&1 && sudo -n true 2>/dev/null; then
    sudo="sudo"
  fi
  if command -v apt-get >/dev/null 2>&1 && { [ "$(id -u)" -eq 0 ] || [ -n "$sudo" ]; } \
      && [ -z "${CASEBOOK_CHROMIUM:-}" ]; then
    echo "[casebook] installing what the JavaScript and browser tests need:$missing"
    export DEBIAN_FRONTEND=noninteractive
    $sudo apt-get update -qq
    # shellcheck disable=SC2086 # one word per package
    $sudo apt-get install -y -qq --no-install-recommends $missing >/dev/null
  else
    echo "[casebook] the JavaScript and browser tests need:$missing" >&2
    echo "[casebook] install them with: sudo apt-get install$missing" >&2
    echo "[casebook] ('mvn verify -Dcasebook.browser=skip' runs the other tests without them)" >&2
    exit 1
  fi
fi
npm ci --no-audit --no-fund --loglevel=error
