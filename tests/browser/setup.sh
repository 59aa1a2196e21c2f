#!/usr/bin/env bash
# Make the browser tests runnable: Debian's Chromium and this folder's Node packages.
# Idempotent and quiet: does nothing when both are already there. Needs root (or sudo) for apt.
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"

as_root() { if [ "$(id -u)" -eq 0 ]; then "$@"; else sudo -n "$@"; fi; }

if [ ! -x /usr/bin/chromium ]; then
  export DEBIAN_FRONTEND=noninteractive
  # A fresh machine has no package lists; an old list may name versions no longer served.
  as_root apt-get update -qq >/dev/null
  as_root apt-get install -y -qq --no-install-recommends chromium fonts-dejavu-core >/dev/null 2> >(grep -v "^debconf: delaying" >&2)
fi

# A Japanese font, so that the Japanese pages (and their screenshots) show their text.
if ! fc-list :lang=ja 2>/dev/null | grep -q .; then
  export DEBIAN_FRONTEND=noninteractive
  as_root apt-get install -y -qq --no-install-recommends fonts-ipafont-gothic >/dev/null 2> >(grep -v "^debconf: delaying" >&2) \
    || { as_root apt-get update -qq >/dev/null && as_root apt-get install -y -qq --no-install-recommends fonts-ipafont-gothic >/dev/null; }
fi

# npm ci again only when the lock differs from the one last installed (a copy kept in node_modules),
# so later runs need no registry. playwright-core downloads no browser: we drive /usr/bin/chromium;
# axe-core is the accessibility checker the tests run inside the pages.
if ! cmp -s "$here/package-lock.json" "$here/node_modules/.installed-lock.json"; then
  (cd "$here" && npm ci --no-audit --no-fund --loglevel=error >/dev/null)
  cp "$here/package-lock.json" "$here/node_modules/.installed-lock.json"
fi
