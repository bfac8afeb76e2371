#!/usr/bin/env bash
# Idempotent setup: system packages, the virtual environment, offline language data, local services.
#   scripts/setup.sh          the product (core CLI)
#   scripts/setup.sh --dev    plus everything the test suite needs
set -euo pipefail
cd "$(dirname "$0")/.."
ROOT=$PWD
DEV=0
[ "${1:-}" = "--dev" ] && DEV=1

log() { printf '\033[1m==> %s\033[0m\n' "$*" >&2; }

# --- Debian packages -------------------------------------------------------------------------
apt_need=(graphviz)
if [ "$DEV" = 1 ]; then
  apt_need+=(wordnet-base wordnet-sense-index chromium postgresql-15-hypopg)
fi
missing=()
for p in "${apt_need[@]}"; do dpkg -s "$p" >/dev/null 2>&1 || missing+=("$p"); done
if [ "${#missing[@]}" -gt 0 ]; then
  if [ "$(id -u)" = 0 ]; then
    log "installing Debian packages: ${missing[*]}"
    export DEBIAN_FRONTEND=noninteractive
    apt-get update -qq >/dev/null
    apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
  else
    log "missing Debian packages (install them as root): ${missing[*]}"
  fi
fi

# --- Python environment ----------------------------------------------------------------------
PY=${PYTHON:-python3}
if [ ! -x .venv/bin/python ]; then
  log "creating .venv"
  "$PY" -m venv .venv
fi
stamp_src=$(cat pyproject.toml scripts/setup.sh | sha1sum | cut -c1-12)
stamp=.venv/.installed-$DEV-$stamp_src
# a test setup (1) includes everything the product setup (0) installs
if [ ! -f "$stamp" ] && ! { [ "$DEV" = 0 ] && [ -f ".venv/.installed-1-$stamp_src" ]; }; then
  log "installing Python packages"
  .venv/bin/pip install -q --upgrade pip >/dev/null
  if [ "$DEV" = 1 ]; then
    # The CPU build of torch 2.13.0 is on the machine; asking for exactly it avoids the CUDA build.
    .venv/bin/pip install -q "torch==2.13.0"
    .venv/bin/pip install -q -e ".[dev,bench,web]"
  else
    .venv/bin/pip install -q -e .
  fi
  rm -f .venv/.installed-*
  touch "$stamp"
fi

# --- the web page: Mermaid and the page's code from npm, bundled into the package (no CDN) ------
if command -v npm >/dev/null 2>&1; then
  bundle=src/schema_architect/app/static/index.html
  if [ ! -f "$bundle" ] || [ -n "$(find web/index.html web/src web/package-lock.json web/vite.config.js -newer "$bundle" 2>/dev/null | head -1)" ]; then
    log "building the web page (web/ -> src/schema_architect/app/static)"
    # `npm install --no-save` installs the locked versions and leaves the lock alone; `npm ci` refuses this
    # lock because it lacks other platforms' optional rollup packages (npm writes it that way here).
    (cd web && npm install --no-save --no-audit --no-fund --loglevel=error && npm run build --silent) >&2 || log "web build failed (the page will say it is not built)"
  fi
else
  log "npm not found: the web page is not built (the API works; install nodejs and npm, then rerun)"
fi

if [ "$DEV" = 1 ]; then
  # --- WordNet for NLTK, from Debian's files (no download) ---------------------------------------
  .venv/bin/python scripts/setup_wordnet.py "$ROOT/.cache/nltk_data" >&2 || log "WordNet setup failed (bench tests will say so)"
  (cd tests/js_parsers && npm ci --no-audit --no-fund --loglevel=error) >&2 || log "npm ci in tests/js_parsers failed (the Mermaid/DBML parser tests will say so)"

  # --- local database servers ----------------------------------------------------------------
  if ! pg_isready -q -h 127.0.0.1 -p 5432 2>/dev/null; then
    log "starting PostgreSQL"
    pg_ctlcluster --skip-systemctl-redirect "$(ls /etc/postgresql)" main start || true
  fi
  if ! mariadb-admin -h127.0.0.1 -uroot ping >/dev/null 2>&1; then
    log "starting MariaDB"
    start-stop-daemon --start --oknodo --background --exec /usr/sbin/mariadbd || true
  fi
  for _ in $(seq 1 60); do
    pg_isready -q -h 127.0.0.1 -p 5432 2>/dev/null && mariadb-admin -h127.0.0.1 -uroot ping >/dev/null 2>&1 && break
    sleep 1
  done
fi
