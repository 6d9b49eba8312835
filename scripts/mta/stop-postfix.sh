#!/usr/bin/env bash
# Stops the private Postfix instance that start-postfix.sh started under BASE_DIR, and removes
# BASE_DIR (unless --keep is given). Does nothing when no instance runs there.
#
# Usage: stop-postfix.sh BASE_DIR [--keep]
set -euo pipefail

if [ "$#" -lt 1 ] || [ "$#" -gt 2 ]; then
  echo "usage: $0 BASE_DIR [--keep]" >&2
  exit 2
fi
base=$1
if [ -f "$base/etc/main.cf" ] && postfix -c "$base/etc" status 2>/dev/null; then
  postfix -c "$base/etc" stop 2>/dev/null
fi
if [ "${2:-}" != --keep ]; then
  rm -rf "$base"
fi
