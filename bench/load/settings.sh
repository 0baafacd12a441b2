#!/usr/bin/env bash
# Runtime settings compared on the same machine, in one go: start-up, idle RSS, peak RSS under a
# short saturating load, server CPU per request. Writes $RESULTS/settings.md (a markdown table).
# Usage: bench/load/settings.sh RESULTS_DIR   (BENCH_TOOL must be set; bench/run --settings calls it)
set -euo pipefail
LOAD_DIR=$(cd "$(dirname "$0")" && pwd)
ROOT=$(cd "$LOAD_DIR/../.." && pwd)
RESULTS=$1
: "${BENCH_TOOL:?BENCH_TOOL must point at CoalitionBot.Benchmarks.dll}"
PORT=${PORT:-5098}
export FAKE_PORT=$((PORT + 2))
# shellcheck disable=SC1091 # common.sh, beside this script
source "$LOAD_DIR/common.sh"
use_workspace settings

# The shipped build is native AOT: its GC settings are the choice that matters. A JIT publish
# (PublishAot=false, what `dotnet run` runs) and a ReadyToRun one are rows of comparison.
echo "-- publish: native AOT (as shipped), framework-dependent JIT, ReadyToRun" >&2
nice -n 10 dotnet publish "$ROOT/src/CoalitionBot" -c Release -o "$WORK/aot" >"$WORK/publish-aot.log" 2>&1 || { cat "$WORK/publish-aot.log" >&2; exit 1; }
# The native build's defaults, which the project turns off (CoalitionBot.csproj): compressed type data
# expanded into private memory at start, in a position-independent executable.
nice -n 10 dotnet publish "$ROOT/src/CoalitionBot" -c Release -p:IlcDehydrate=true -p:PositionIndependentExecutable=true \
  -o "$WORK/aot-dehydrated" >"$WORK/publish-aot-dehydrated.log" 2>&1 || { cat "$WORK/publish-aot-dehydrated.log" >&2; exit 1; }
nice -n 10 dotnet publish "$ROOT/src/CoalitionBot" -c Release -p:PublishAot=false -o "$WORK/jit" >"$WORK/publish-jit.log" 2>&1 || { cat "$WORK/publish-jit.log" >&2; exit 1; }
rid=linux-x64; [[ $(uname -m) == aarch64 ]] && rid=linux-arm64
nice -n 10 dotnet publish "$ROOT/src/CoalitionBot" -c Release -p:PublishAot=false -r "$rid" --self-contained false -p:PublishReadyToRun=true -o "$WORK/r2r" >"$WORK/publish-r2r.log" 2>&1 || { cat "$WORK/publish-r2r.log" >&2; exit 1; }
mkdir -p "$WORK/keys" "$WORK/data"
tool keygen --out "$WORK/keys"
bot_env
start_fake_discord

# name | build | environment (space-separated VAR=value)
CONFIGS=(
  "native AOT, as built (server GC with DATAS, the Web SDK default)|aot|"
  "native AOT, .NET's defaults (dehydrated type data, position-independent)|aot-dehydrated|"
  "native AOT, workstation GC|aot|DOTNET_gcServer=0"
  "native AOT, workstation, non-concurrent|aot|DOTNET_gcServer=0 DOTNET_gcConcurrent=0"
  "native AOT, workstation + GCgen0size 4 MiB|aot|DOTNET_gcServer=0 DOTNET_GCgen0size=0x400000"
  "native AOT, workstation + GCConserveMemory=7|aot|DOTNET_gcServer=0 DOTNET_GCConserveMemory=7"
  "native AOT, server GC + GCHeapHardLimit 64 MiB|aot|DOTNET_GCHeapHardLimit=0x4000000"
  "JIT (dotnet run's build), as built|jit|"
  "JIT, workstation GC|jit|DOTNET_gcServer=0"
  "ReadyToRun|r2r|"
)

OUT="$RESULTS/settings.md"
{
  echo "| settings | start-up → first PING, ms (median; runs) | idle RSS MiB (anon / file / shmem) | peak RSS MiB after 8 s of saturation | PING req/s | CPU µs per PING |"
  echo "|---|---|---|---|---|---|"
} >"$OUT"

for config in "${CONFIGS[@]}"; do
  IFS='|' read -r name build vars <<<"$config"
  echo "-- $name" >&2
  (
    for v in $vars; do export "${v?}"; done
    rm -rf "$WORK/data" && mkdir -p "$WORK/data"
    startup=$(tool startup --exe "$WORK/$build/CoalitionBot" --keys "$WORK/keys" --url "http://127.0.0.1:$PORT/interactions" --runs "${STARTUP_RUNS:-3}" --settle 12 2>/dev/null)
    get() { sed -n "s/^$1=//p" <<<"$startup"; }
    "$WORK/$build/CoalitionBot" >"$WORK/server.log" 2>&1 &
    pid=$!
    trap 'kill $pid 2>/dev/null || true' EXIT
    wait_for_pong
    tool sign --keys "$WORK/keys" --kind ping --count 256 --out "$WORK/ping.tsv"
    BENCH_REQUESTS="$WORK/ping.tsv" wrk -t2 -c50 -d3s -s "$LOAD_DIR/signed.lua" "http://127.0.0.1:$PORT/interactions" >/dev/null
    sat=$(saturate cfg "$WORK/ping.tsv" 5 "$pid")
    peak=$(status_kib "$pid" VmHWM)
    kill "$pid"; wait "$pid" 2>/dev/null || true
    awk -v name="$name" -v ms="$(get startup_ms)" -v all="$(get startup_ms_all)" -v rss="$(get idle_VmRSS_kib)" \
        -v anon="$(get idle_RssAnon_kib)" -v file="$(get idle_RssFile_kib)" -v shmem="$(get idle_RssShmem_kib)" -v peak="$peak" \
        -v rps="$(sed -n 's/^cfg_rps=//p' <<<"$sat")" -v cpu="$(sed -n 's/^cfg_cpu_us=//p' <<<"$sat")" \
        'BEGIN { printf "| %s | %.0f (%s) | %.1f (%.1f / %.1f / %.1f) | %.1f | %s | %s |\n", name, ms, all, rss/1024, anon/1024, file/1024, shmem/1024, peak/1024, rps, cpu }'
  ) | tee -a "$OUT" >&2
done
