#!/usr/bin/env bash
# Load measurements of the published bot on loopback. Writes key=value lines to $RESULTS/load.env.
# Usage: bench/load/run-load.sh RESULTS_DIR   (bench/run calls it; BENCH_TOOL must be set)
# APP_DIR=/path/to/published/app measures that build instead of publishing one.
set -euo pipefail
LOAD_DIR=$(cd "$(dirname "$0")" && pwd)
ROOT=$(cd "$LOAD_DIR/../.." && pwd)
RESULTS=$1
: "${BENCH_TOOL:?BENCH_TOOL must point at CoalitionBot.Benchmarks.dll}"
PORT=${PORT:-5099}
export FAKE_PORT=$((PORT + 2))
SAT_SECONDS=${SAT_SECONDS:-6}
SAT_ROUNDS=${SAT_ROUNDS:-3}
PACED_SECONDS=${PACED_SECONDS:-15}
# shellcheck disable=SC1091 # common.sh, beside this script
source "$LOAD_DIR/common.sh"
use_workspace load
OUT="$RESULTS/load.env"
: >"$OUT"

if [[ -n ${APP_DIR:-} ]]; then
  # An already published build (e.g. a JIT build to compare with the native AOT one): measured as it is.
  echo "== using the build in $APP_DIR" >&2
  cp -r "$APP_DIR" "$WORK/app"
else
  echo "== publish (Release)" >&2
  nice -n 10 dotnet publish "$ROOT/src/CoalitionBot" -c Release -o "$WORK/app" >"$WORK/publish.log" 2>&1 || { cat "$WORK/publish.log" >&2; exit 1; }
fi
mkdir -p "$WORK/keys" "$WORK/data"
tool keygen --out "$WORK/keys"
bot_env
start_fake_discord

echo "== verify-only reference (NSec, one core)" >&2
tool verify-ref --seconds 3 | tee -a "$OUT" >&2

echo "== start-up: process start to first good PING, then idle RSS 12 s later, after the first poll (5 runs after a warm-up run)" >&2
tool startup --exe "$WORK/app/CoalitionBot" --keys "$WORK/keys" --url "http://127.0.0.1:$PORT/interactions" --runs 5 --settle 12 | tee -a "$OUT" >&2

echo "== load server" >&2
rm -rf "$WORK/data" && mkdir -p "$WORK/data"
"$WORK/app/CoalitionBot" >"$WORK/server.log" 2>&1 &
SERVER_PID=$!
wait_for_pong || { cat "$WORK/server.log" >&2; exit 1; }
sleep 5
echo "server_idle_rss_kib=$(status_kib "$SERVER_PID" VmRSS)" >>"$OUT"

tool sign --keys "$WORK/keys" --kind ping --count 512 --out "$WORK/ping.tsv"
tool sign --keys "$WORK/keys" --kind channels --count 512 --out "$WORK/channels.tsv"

# The floor: a bare minimal API that only verifies and answers PONG (BareServer.cs), on the next port.
BARE_PORT=$((PORT + 1))
DOTNET_gcServer=1 DOTNET_TieredPGO=0 dotnet "$BENCH_TOOL" bare-server --url "http://127.0.0.1:$BARE_PORT" --keys "$WORK/keys" >"$WORK/bare.log" 2>&1 &
BARE_PID=$!
PORT=$BARE_PORT wait_for_pong || { cat "$WORK/bare.log" >&2; exit 1; }

# Below that, what any server pays here: floor-server.c (one thread, epoll, read, the same libsodium
# the published app carries, write), on the port after.
FLOOR_PORT=$((PORT + 3))
clang -O2 -o "$WORK/floor-server" "$LOAD_DIR/floor-server.c" -L"$WORK/app" -lsodium -Wl,-rpath,"$WORK/app"
"$WORK/floor-server" "$FLOOR_PORT" "$(cat "$WORK/keys/public.hex")" >"$WORK/floor.log" 2>&1 &
FLOOR_PID=$!
PORT=$FLOOR_PORT wait_for_pong || { cat "$WORK/floor.log" >&2; exit 1; }

echo "== warm-up (5 s each), then ${SAT_ROUNDS} rounds of saturation, 50 connections, ${SAT_SECONDS} s each" >&2
for kind in ping channels; do
  BENCH_REQUESTS="$WORK/$kind.tsv" wrk -t2 -c50 -d5s -s "$LOAD_DIR/signed.lua" "http://127.0.0.1:$PORT/interactions" >/dev/null
done
for port in "$BARE_PORT" "$FLOOR_PORT"; do
  BENCH_REQUESTS="$WORK/ping.tsv" wrk -t2 -c50 -d5s -s "$LOAD_DIR/signed.lua" "http://127.0.0.1:$port/interactions" >/dev/null
done
# Rounds alternate the bot's PING, its /channels, the bare server's PING and the floor server's, so
# that whatever else the shared machine does falls on all four alike; each figure is the median of
# its rounds.
for round in $(seq 1 "$SAT_ROUNDS"); do
  for kind in ping channels; do
    saturate "sat_${kind}_r$round" "$WORK/$kind.tsv" "$SAT_SECONDS" "$SERVER_PID" >>"$WORK/rounds.env"
  done
  PORT=$BARE_PORT saturate "sat_bare_r$round" "$WORK/ping.tsv" "$SAT_SECONDS" "$BARE_PID" >>"$WORK/rounds.env"
  PORT=$FLOOR_PORT saturate "sat_floor_r$round" "$WORK/ping.tsv" "$SAT_SECONDS" "$FLOOR_PID" >>"$WORK/rounds.env"
done
kill "$BARE_PID" "$FLOOR_PID"; wait "$BARE_PID" "$FLOOR_PID" 2>/dev/null || true
for kind in ping channels bare floor; do
  median_of_rounds "sat_$kind" "$WORK/rounds.env" | tee -a "$OUT" >&2
done

echo "== paced 500 req/s, ${PACED_SECONDS} s (after 3 s at the same rate)" >&2
for kind in ping channels; do
  before=$(cpu_ticks "$SERVER_PID")
  tool paced --url "http://127.0.0.1:$PORT/interactions" --requests "$WORK/$kind.tsv" --rate 500 --seconds "$PACED_SECONDS" --warmup 3 --prefix "paced_$kind" | tee -a "$OUT" >&2
  after=$(cpu_ticks "$SERVER_PID")
  awk -v p="paced_$kind" -v t=$((after - before)) -v hz="$(getconf CLK_TCK)" -v n=$((500 * (PACED_SECONDS + 3))) \
    'BEGIN { printf "%s_cpu_us=%.1f\n", p, t * 1000000 / hz / n }' | tee -a "$OUT" >&2
done

echo "server_peak_rss_kib=$(status_kib "$SERVER_PID" VmHWM)" >>"$OUT"
sleep 5
echo "server_after_load_rss_kib=$(status_kib "$SERVER_PID" VmRSS)" >>"$OUT"
echo "server_log_lines=$(wc -l <"$WORK/server.log")" >>"$OUT"
grep -c '\[400\] Poll:' "$WORK/server.log" | sed 's/^/server_polls_logged=/' >>"$OUT" || true
# What the bot itself says of its features after the run (polling, digest, monitoring), for the record.
curl -fsS -H "Authorization: Bearer ${Admin__Token:?}" "http://127.0.0.1:$PORT/admin/api/status" >"$RESULTS/status.json" || echo "admin status unavailable" >&2
grep -ciE 'fail|error|exception' "$WORK/server.log" | sed 's/^/server_log_errors=/' >>"$OUT" || true
