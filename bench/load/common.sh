# shellcheck shell=bash
# Shared by the load scripts: sourced, not run.
# Needs: BENCH_TOOL (the benchmarks dll), WORK (a temp folder), PORT (the bot), FAKE_PORT (fake-discord).

tool() { nice -n 10 dotnet "$BENCH_TOOL" "$@"; }

# A scratch folder (WORK), the bot's process (SERVER_PID), the bare reference server (BARE_PID) and
# fake-discord (FAKE_PID), all cleaned up when the script exits.
# Call once, with a name for the folder.
use_workspace() {
  WORK=$(mktemp -d "/tmp/coalitionbot-$1.XXXXXX")
  SERVER_PID=
  trap cleanup_workspace EXIT
}

cleanup_workspace() {
  if [[ -n ${SERVER_PID:-} ]] && kill -0 "$SERVER_PID" 2>/dev/null; then kill "$SERVER_PID"; wait "$SERVER_PID" 2>/dev/null || true; fi
  local pid
  for pid in "${BARE_PID:-}" "${FLOOR_PID:-}" "${FAKE_PID:-}"; do
    if [[ -n $pid ]] && kill -0 "$pid" 2>/dev/null; then kill "$pid"; wait "$pid" 2>/dev/null || true; fi
  done
  rm -rf "$WORK"
}

# utime+stime of a process, in clock ticks.
cpu_ticks() { awk '{ print $14 + $15 }' "/proc/$1/stat"; }

# A field of /proc/PID/status in KiB (VmRSS, VmHWM, RssAnon, RssFile).
status_kib() { awk -v f="$2:" '$1 == f { print $2 }' "/proc/$1/status"; }

# The bot's environment for a load run: generated key, temp storage, and every feature on, as a
# real installation has them: polling (against fake-discord, FAKE_PORT, over HTTPS as with Discord;
# the bot trusts fake-discord's certificate through SSL_CERT_FILE), the digest (to the outbox folder
# beside the database), the admin API and the Uptime Kuma push.
bot_env() {
  Discord__PublicKey=$(cat "$WORK/keys/public.hex")
  export Discord__PublicKey
  export Discord__GuildId=1300000000000000000
  export Discord__BotToken=bench-bot-token
  export Discord__ApplicationId=1416000000000000000
  export Discord__ApiBaseUrl="https://127.0.0.1:$FAKE_PORT/api/v10"
  export SSL_CERT_FILE="$WORK/fake-discord.crt"
  export Ingestion__PollInterval=00:00:30
  export Ingestion__BackfillDays=1
  export Digest__To=liste@coalition.example
  export Digest__From=bot@coalition.example
  export Admin__Token=bench-admin-token-0123456789
  export Monitoring__PushUrl="https://127.0.0.1:$FAKE_PORT/api/push/bench"
  export Storage__Path="$WORK/data/coalitionbot.db"
  export Urls="http://127.0.0.1:$PORT"
  export Logging__Console__FormatterName=simple
}

# Discord's REST API as the bot polls it (Tools/FakeDiscord.cs), over HTTPS on FAKE_PORT, for the
# whole run; its certificate goes to $WORK/fake-discord.crt.
start_fake_discord() {
  rm -f "$WORK/fake-discord.crt"
  dotnet "$BENCH_TOOL" fake-discord --url "https://127.0.0.1:$FAKE_PORT" --guild 1300000000000000000 \
    --certificate-out "$WORK/fake-discord.crt" >"$WORK/fake-discord.log" 2>&1 &
  FAKE_PID=$!
  for _ in $(seq 1 100); do
    [[ -s $WORK/fake-discord.crt ]] && curl -fsS -m 1 --cacert "$WORK/fake-discord.crt" \
      "https://127.0.0.1:$FAKE_PORT/api/v10/guilds/1300000000000000000" >/dev/null 2>&1 && return 0
    sleep 0.1
  done
  cat "$WORK/fake-discord.log" >&2
  return 1
}

# Polls with a pre-signed PING until the bot answers PONG (or 30 s pass).
wait_for_pong() {
  local line ts sig body
  line=$(head -n 1 "$WORK/keys/startup-ping.tsv")
  ts=$(cut -f1 <<<"$line"); sig=$(cut -f2 <<<"$line"); body=$(cut -f3- <<<"$line")
  for _ in $(seq 1 300); do
    if curl -fsS -m 1 -H "Content-Type: application/json" -H "X-Signature-Ed25519: $sig" -H "X-Signature-Timestamp: $ts" \
         --data "$body" "http://127.0.0.1:$PORT/interactions" 2>/dev/null | grep -q '"type":1'; then
      return 0
    fi
    sleep 0.1
  done
  return 1
}

# wrk at saturation; prints key=value lines with the given prefix (rps, requests, errors,
# server CPU per request, wrk's own latency percentiles).
saturate() {
  local prefix=$1 requests=$2 seconds=$3 pid=$4 out before after
  out="$WORK/wrk-$prefix.txt"
  before=$(cpu_ticks "$pid")
  BENCH_REQUESTS="$requests" wrk -t2 -c50 -d"${seconds}s" --latency -s "$LOAD_DIR/signed.lua" "http://127.0.0.1:$PORT/interactions" >"$out"
  after=$(cpu_ticks "$pid")
  awk -v p="$prefix" -v ticks=$((after - before)) -v hz="$(getconf CLK_TCK)" '
    /requests in/ { n = $1 }
    /Requests\/sec/ { rps = $2 }
    /Non-2xx/ { bad = $NF }
    /Socket errors/ { sock = $0 }
    END {
      printf "%s_requests=%d\n%s_rps=%.0f\n%s_non2xx=%d\n", p, n, p, rps, p, bad + 0
      printf "%s_cpu_us=%.1f\n", p, ticks * 1000000 / hz / n
      if (sock != "") printf "%s_socket_errors=%s\n", p, sock
    }' "$out"
}

# The round whose CPU per request is the median, among lines PREFIX_rN_key=value of FILE; printed as
# PREFIX_key=value, plus PREFIX_cpu_us_all with every round's figure.
median_of_rounds() {
  local prefix=$1 file=$2 round
  round=$(sed -n "s/^${prefix}_r\([0-9]*\)_cpu_us=\(.*\)/\2 \1/p" "$file" | sort -n | awk '{ r[NR] = $2 } END { print r[int((NR + 1) / 2)] }')
  sed -n "s/^${prefix}_r${round}_/${prefix}_/p" "$file"
  echo "${prefix}_cpu_us_all=$(sed -n "s/^${prefix}_r[0-9]*_cpu_us=//p" "$file" | tr '\n' ' ' | sed 's/ $//')"
}
