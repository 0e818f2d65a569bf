#!/usr/bin/env bash
# The browser tests drive a locally installed Chromium; they never download one. Install
# Debian's when it is missing and we can; otherwise stop with instructions (never skip).
set -euo pipefail
browser="${CHROMIUM_PATH:-/usr/bin/chromium}"
has_cjk_font() { command -v fc-list >/dev/null 2>&1 && fc-list :lang=zh 2>/dev/null | grep -q .; }

if [ -x "$browser" ] && has_cjk_font; then exit 0; fi

if [ "$(id -u)" = "0" ] && command -v apt-get >/dev/null 2>&1; then
  echo "Installing Debian's Chromium (and a CJK font for zh-TW screenshots) for the browser tests…"
  apt-get update -qq
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium fonts-wqy-zenhei >/dev/null
  [ -x "$browser" ] && exit 0
fi

if [ -x "$browser" ]; then exit 0; fi  # the font only makes screenshots nicer
cat >&2 <<MSG
The browser tests need Chromium at $browser, and it is not there.
  Debian/Ubuntu:  sudo apt-get install -y chromium
  Elsewhere:      install Chromium or Chrome and set CHROMIUM_PATH=/path/to/chromium
MSG
exit 1
