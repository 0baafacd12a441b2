#!/usr/bin/env bash
# Writes src/CoalitionBot/native-order.txt: the managed methods the bot runs at start, in its polls and
# digests and for the usual requests, one symbol per line. The native build lays these out first
# (IlcOrderFile in CoalitionBot.csproj), so the code a running bot uses shares a few MiB of pages
# instead of being spread over the whole executable (docs/performance.md, idle memory).
#
# How: the published binary, with its symbol table, runs the whole application (fake-discord over
# HTTPS, polling every 30 s, the digest, the admin API) under valgrind's callgrind, which records
# every function executed, however briefly (sampling would miss the many that run once). Under
# valgrind the bot runs ~50 times slower, with workstation GC and a small reserved range (server GC's
# reservation is too large for valgrind); the GC is native code, outside the managed order anyway.
#
# Usage: bench/load/order-profile.sh   (about 4 minutes; installs valgrind if root)
# Re-run it when start-up, polling or the interaction paths change much: a method missing from the
# list still works, it is only placed with the cold code.
set -euo pipefail
LOAD_DIR=$(cd "$(dirname "$0")" && pwd)
ROOT=$(cd "$LOAD_DIR/../.." && pwd)
OUT=${1:-$ROOT/src/CoalitionBot/native-order.txt}
export BENCH_TOOL=${BENCH_TOOL:-$ROOT/bench/CoalitionBot.Benchmarks/bin/Release/net10.0/CoalitionBot.Benchmarks.dll}
PORT=${PORT:-5110}
export FAKE_PORT=$((PORT + 2))
# shellcheck disable=SC1091 # common.sh, beside this script
source "$LOAD_DIR/common.sh"
use_workspace order

if ! command -v valgrind >/dev/null; then
  if [[ $(id -u) == 0 ]]; then
    apt-get update -qq >/dev/null && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq valgrind >/dev/null
  else
    echo "missing: valgrind (apt-get install -y valgrind)" >&2; exit 1
  fi
fi

echo "-- build: the benchmark tool, and the bot with its symbol table" >&2
nice -n 10 dotnet build "$ROOT/bench/CoalitionBot.Benchmarks" -c Release >"$WORK/build.log" 2>&1 || { tail -30 "$WORK/build.log" >&2; exit 1; }
# Valgrind 3.19 cannot read the DWARF 5 of the .dbg file: keep the symbol table, drop the debug info.
nice -n 10 dotnet publish "$ROOT/src/CoalitionBot" -c Release -p:StripSymbols=false -o "$WORK/app" >"$WORK/publish.log" 2>&1 || { cat "$WORK/publish.log" >&2; exit 1; }
strip --strip-debug "$WORK/app/CoalitionBot"

mkdir -p "$WORK/keys" "$WORK/data"
tool keygen --out "$WORK/keys" >/dev/null
for kind in ping channels; do
  tool sign --keys "$WORK/keys" --kind "$kind" --count 16 --out "$WORK/$kind.tsv" >/dev/null
done
bot_env
start_fake_discord

echo "-- the bot under callgrind" >&2
DOTNET_gcServer=0 DOTNET_GCRegionRange=0x40000000 DOTNET_GCHeapHardLimit=0x10000000 \
  valgrind --tool=callgrind --demangle=no --dump-instr=no --collect-jumps=no --callgrind-out-file="$WORK/callgrind.out" \
  "$WORK/app/CoalitionBot" >"$WORK/server.log" 2>&1 &
SERVER_PID=$!

# One signed request from FILE (line N), with a timeout that suits a bot running under valgrind.
send() {
  local line ts sig body
  line=$(sed -n "${2}p" "$1")
  ts=$(cut -f1 <<<"$line"); sig=$(cut -f2 <<<"$line"); body=$(cut -f3- <<<"$line")
  curl -sS -m 60 -o /dev/null -H "Content-Type: application/json" -H "X-Signature-Ed25519: $sig" \
    -H "X-Signature-Timestamp: $ts" --data "$body" "http://127.0.0.1:$PORT/interactions" || true
}

for _ in $(seq 1 120); do
  curl -fsS -m 5 "http://127.0.0.1:$PORT/healthz" >/dev/null 2>&1 && break
  sleep 1
done
for n in $(seq 1 16); do
  send "$WORK/ping.tsv" "$n"
  send "$WORK/channels.tsv" "$n"
done
curl -sS -m 60 -o /dev/null "http://127.0.0.1:$PORT/healthz" || true
# shellcheck disable=SC2154 # Admin__Token comes from bot_env (common.sh)
curl -sS -m 60 -o /dev/null -H "Authorization: Bearer $Admin__Token" "http://127.0.0.1:$PORT/admin/api/status" || true
# Two more polls (every 30 s) and the digest's catch-up run during this wait.
sleep 75
grep -q "Poll:" "$WORK/server.log" || { echo "the bot did not poll under valgrind:" >&2; tail -20 "$WORK/server.log" >&2; exit 1; }

callgrind_control -d "$SERVER_PID" >/dev/null
kill -9 "$SERVER_PID"; wait "$SERVER_PID" 2>/dev/null || true
SERVER_PID=

# Every function name callgrind saw (fn= and cfn= lines), without the unnamed addresses; names
# that are not the bot's managed methods (libc, ICU, OpenSSL, the runtime's C++) are ignored by
# the compiler. Sorted, so that a re-run changes only what changed.
cat "$WORK"/callgrind.out* | sed -n 's/^c\{0,1\}fn=([0-9]*) //p' | grep -v '^0x' | LC_ALL=C sort -u >"$OUT"
echo "$(wc -l <"$OUT") functions written to $OUT" >&2
