#!/usr/bin/env bash
# Installs Muqabala and its test tools on a fresh Debian machine with Python 3.11.
# The CPU build of torch goes first: a bare `torch` requirement would pull GBs of CUDA wheels.
set -euo pipefail
cd "$(dirname "$0")/.."
python3 -m pip install -q torch==2.13.0
python3 -m pip install -q -e '.[test]'
if ! command -v chromium >/dev/null 2>&1; then
  if [ "$(id -u)" = 0 ]; then apt-get update -qq && apt-get install -y -qq chromium fonts-noto-core >/dev/null; else sudo apt-get update -qq && sudo apt-get install -y -qq chromium fonts-noto-core >/dev/null; fi
fi
# FreeDict Arabic<->English dictionaries for the lexical check (dictd files under /usr/share/dictd)
if [ ! -f /usr/share/dictd/freedict-ara-eng.index ] || [ ! -f /usr/share/dictd/freedict-eng-ara.index ]; then
  SUDO=""; [ "$(id -u)" = 0 ] || SUDO=sudo
  $SUDO apt-get update -qq && $SUDO apt-get install -y -qq dict-freedict-ara-eng dict-freedict-eng-ara >/dev/null
fi
