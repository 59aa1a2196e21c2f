#!/usr/bin/env bash
# Installs wrk (the HTTP load generator bench/api_reads.py drives) from Debian's packages, if missing.
#
#   bash deploy/install-wrk.sh        # as root, or with sudo available; no-op when wrk is on PATH
#
# apt-get update runs only when the package lists do not know wrk yet (a fresh container).
set -Eeuo pipefail

if command -v wrk >/dev/null 2>&1; then
  exit 0
fi

if [ "$(id -u)" -eq 0 ]; then
  as_root=()
elif command -v sudo >/dev/null 2>&1; then
  as_root=(sudo)
else
  echo "install-wrk: wrk is missing and this is not root (and no sudo): run 'apt-get install -y wrk' as root" >&2
  exit 1
fi
if ! command -v apt-get >/dev/null 2>&1; then
  echo "install-wrk: wrk is missing and there is no apt-get; install wrk (https://github.com/wg/wrk) yourself" >&2
  exit 1
fi

export DEBIAN_FRONTEND=noninteractive
if ! apt-cache show wrk >/dev/null 2>&1; then
  "${as_root[@]}" apt-get update -qq
fi
"${as_root[@]}" apt-get install -y -qq --no-install-recommends wrk >/dev/null
echo "install-wrk: $(command -v wrk) ($(wrk -v 2>&1 | head -1))"
