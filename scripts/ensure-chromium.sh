#!/usr/bin/env bash
# Makes sure Debian's headless Chromium and its driver are here for the e-mail screenshot tests
# (notification-service's EmailScreenshotsIT). Idempotent: does nothing when both are installed.
# Selenium Manager cannot download browsers on our machines, so the browser comes from apt.
set -euo pipefail

if [ -x /usr/bin/chromium ] && [ -x /usr/bin/chromedriver ]; then
  exit 0
fi

if [ "$(id -u)" -eq 0 ]; then
  SUDO=""
elif command -v sudo >/dev/null 2>&1; then
  SUDO="sudo -n"
else
  echo "ensure-chromium: not root and no sudo; install chromium and chromium-driver by hand" >&2
  exit 1
fi

echo "ensure-chromium: installing chromium and chromium-driver"
export DEBIAN_FRONTEND=noninteractive
$SUDO apt-get update -q
$SUDO apt-get install -y -q --no-install-recommends chromium chromium-driver
