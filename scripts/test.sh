#!/usr/bin/env bash
# The one test command (README, .ci/run): installs what a fresh machine lacks, then runs every test.
set -euo pipefail
cd "$(dirname "$0")/.."
# The playground's browser test drives Debian's Chromium (never a browser Playwright downloads), and
# the digest charts need a sans font to draw their labels with.
missing=()
[ -x /usr/bin/chromium ] || missing+=(chromium)
[ -f /usr/share/fonts/truetype/dejavu/DejaVuSans.ttf ] || missing+=(fonts-dejavu-core)
if [ ${#missing[@]} -gt 0 ]; then
  if [ "$(id -u)" -eq 0 ]; then
    echo "Installing ${missing[*]} for the tests…"
    export DEBIAN_FRONTEND=noninteractive
    apt-get update -qq
    apt-get install -y -qq "${missing[@]}" >/dev/null
  else
    echo "warning: missing ${missing[*]} and not root: browser and chart tests will fail (apt-get install -y ${missing[*]})." >&2
  fi
fi
dotnet tool restore
dotnet test OpsBot.sln --nologo "$@"
