#!/usr/bin/env bash
# The one test command (README, .ci/run): installs what a fresh machine lacks, then runs every test.
set -euo pipefail
cd "$(dirname "$0")/.."
dotnet tool restore
dotnet test OpsBot.sln --nologo "$@"
