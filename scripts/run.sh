#!/usr/bin/env bash
# Set up the product (first run only) and run the CLI with the given arguments.
#   bash scripts/run.sh design "A library lends books to members..."
set -euo pipefail
here="$(cd "$(dirname "$0")/.." && pwd)"
bash "$here/scripts/setup.sh" >&2
exec "$here/.venv/bin/schema-architect" "$@"
