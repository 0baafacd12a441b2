#!/usr/bin/env bash
# Interleaved A/B of two runtime environments on the same published build: start-up pairs, then
# CPU per PING at saturation pairs, A and B alternating so that the background load of a shared
# machine falls on both alike (the settings table runs each configuration once, at a different time).
# Usage: BENCH_TOOL=... bench/load/ab.sh "DOTNET_TieredPGO=0" "DOTNET_TieredPGO=1" [start-up pairs] [CPU pairs]
set -euo pipefail
LOAD_DIR=$(cd "$(dirname "$0")" && pwd)
ROOT=$(cd "$LOAD_DIR/../.." && pwd)
: "${BENCH_TOOL:?BENCH_TOOL must point at CoalitionBot.Benchmarks.dll}"
A=$1 B=$2 STARTUP_PAIRS=${3:-8} CPU_PAIRS=${4:-3}
PORT=${PORT:-5095}
export FAKE_PORT=$((PORT + 2))
# shellcheck disable=SC1091 # common.sh, beside this script
source "$LOAD_DIR/common.sh"
use_workspace ab
pid=
trap 'if [[ -n $pid ]]; then kill "$pid" 2>/dev/null || true; fi; cleanup_workspace' EXIT
nice -n 10 dotnet publish "$ROOT/src/CoalitionBot" -c Release -o "$WORK/app" >"$WORK/publish.log" 2>&1 || { cat "$WORK/publish.log" >&2; exit 1; }
mkdir -p "$WORK/keys" "$WORK/data"
tool keygen --out "$WORK/keys"
bot_env
start_fake_discord

# Runs a command with the space-separated VAR=value list of one side.
with() {
  local -a vars
  read -r -a vars <<<"$1"
  shift
  env "${vars[@]}" "$@"
}

for _ in $(seq 1 "$STARTUP_PAIRS"); do
  for side in "$A" "$B"; do
    ms=$(with "$side" nice -n 10 dotnet "$BENCH_TOOL" startup --exe "$WORK/app/CoalitionBot" --keys "$WORK/keys" \
      --url "http://127.0.0.1:$PORT/interactions" --runs 1 --settle 0.2 2>/dev/null | sed -n 's/^startup_ms=//p')
    echo "startup_ms [$side] $ms"
  done
done

tool sign --keys "$WORK/keys" --kind ping --count 256 --out "$WORK/ping.tsv"
for _ in $(seq 1 "$CPU_PAIRS"); do
  for side in "$A" "$B"; do
    read -r -a vars <<<"$side"
    # env execs the bot, so $! is the bot's own pid (its /proc/PID/stat is what is measured).
    env "${vars[@]}" "$WORK/app/CoalitionBot" >/dev/null 2>&1 &
    pid=$!
    wait_for_pong
    BENCH_REQUESTS="$WORK/ping.tsv" wrk -t2 -c50 -d3s -s "$LOAD_DIR/signed.lua" "http://127.0.0.1:$PORT/interactions" >/dev/null
    echo "ping [$side] $(saturate ab "$WORK/ping.tsv" 5 "$pid" | tr '\n' ' ')"
    kill "$pid"; wait "$pid" 2>/dev/null || true
  done
done
