#!/usr/bin/env bash
# The README's test command: set up, lint, run every test (unit, e2e with real models, browser).
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup.sh
python3 -m ruff check .
set +e
python3 -m pytest -q "$@"
rc=$?
set -e
if [ "$rc" = 5 ]; then echo "pytest collected no tests: failing" >&2; exit 1; fi
exit "$rc"
