#!/usr/bin/env bash
# Native AOT experiment (issue 7): publishes a copy of the bot with PublishAot=true and runs the
# same load harness on it. Not part of bench/run: it needs clang (apt-get install -y clang
# zlib1g-dev) and applies aot-options-annotations.patch, without which every options validator
# is trimmed away and the bot refuses to start.
# Usage: bench/load/aot-experiment.sh RESULTS_DIR
set -euo pipefail
LOAD_DIR=$(cd "$(dirname "$0")" && pwd)
ROOT=$(cd "$LOAD_DIR/../.." && pwd)
RESULTS=$1
mkdir -p "$RESULTS"
COPY=$(mktemp -d /tmp/coalitionbot-aot.XXXXXX)
trap 'rm -rf "$COPY"' EXIT
command -v clang >/dev/null || { echo "clang is missing: apt-get install -y clang zlib1g-dev" >&2; exit 1; }
git -C "$ROOT" archive HEAD | tar -x -C "$COPY"
(cd "$COPY" && patch -p1 <"$LOAD_DIR/aot-options-annotations.patch" >/dev/null)
rid=linux-x64; [[ $(uname -m) == aarch64 ]] && rid=linux-arm64
nice -n 10 dotnet publish "$COPY/src/CoalitionBot" -c Release -r "$rid" -p:PublishAot=true -p:TreatWarningsAsErrors=false \
  -o "$COPY/out" >"$RESULTS/aot-publish.log" 2>&1 || { tail -30 "$RESULTS/aot-publish.log" >&2; exit 1; }
grep -o 'warning IL[0-9]*' "$RESULTS/aot-publish.log" | sort | uniq -c >&2 || true
mkdir -p "$RESULTS/aot"
APP_DIR="$COPY/out" "$LOAD_DIR/run-load.sh" "$RESULTS/aot"
