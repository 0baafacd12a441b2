#!/usr/bin/env bash
# Runs the whole test suite from a clean clone: installs what the tests need beyond the .NET SDK,
# then runs dotnet test and prints one closing line "N passed, N failed, N skipped".
set -euo pipefail
cd "$(dirname "$0")"

if [ -x scripts/install-test-tools.sh ]; then
  scripts/install-test-tools.sh
fi

log=$(mktemp)
checks=$(mktemp)
aot=$(mktemp -d)
trap 'rm -rf "$log" "$checks" "$aot"' EXIT
status=0

# publish NAME FOLDER [options]: scripts/publish.sh (the Dockerfile's publish) into FOLDER; a failure
# shows the end of its log and fails the run (the tests that need the binary then fail, never skip).
publish() {
  local name=$1 folder=$2
  shift 2
  echo "Publishing the $name (Release; a few minutes)…"
  if scripts/publish.sh "$folder" "$@" >"$folder.log" 2>&1 && [ -x "$folder/CoalitionBot" ]; then
    echo "The $name: $(du -h "$folder/CoalitionBot" | cut -f1) executable, $(du -sh "$folder" | cut -f1) in all"
  else
    tail -40 "$folder.log"
    echo "The publish of the $name failed." >&2
    status=1
  fi
}

# The build that ships is native AOT, run as a process by the tests in tests/CoalitionBot.Tests/Aot.
# Restored first, then published without restoring, as the Dockerfile's two steps do it.
case "$(uname -m)" in
  x86_64) arch=x64 ;;
  aarch64) arch=arm64 ;;
  *) echo "test.sh: no native AOT build for $(uname -m)" >&2; exit 1 ;;
esac
if dotnet restore src/CoalitionBot/CoalitionBot.csproj --arch "$arch" >"$aot/restore.log" 2>&1; then
  publish "native AOT binary" "$aot/bin" --arch "$arch" --no-restore
else
  tail -40 "$aot/restore.log"
  echo "The restore before the native AOT publish failed." >&2
  status=1
fi
export COALITIONBOT_AOT_BINARY="$aot/bin/CoalitionBot"

# The Raspberry Pi's build (linux-arm64), which tests/CoalitionBot.Tests/Aot/PiBinaryTests.cs runs
# under qemu-user. On an arm64 machine (the Pi itself) the binary above is that build.
if [ "$(uname -m)" = x86_64 ]; then
  publish "linux-arm64 binary for the Raspberry Pi" "$aot/arm64" --arch arm64
  export COALITIONBOT_ARM64_BINARY="$aot/arm64/CoalitionBot"
fi

# The ReadyToRun (JIT) build, which a host with under 3 GiB of memory builds for itself
# (init_bot_stack.sh, BOT_BUILD_MODE=r2r): tests/CoalitionBot.Tests/Aot/ReadyToRunBinaryTests.cs runs it.
publish "ReadyToRun build" "$aot/r2r" --r2r
export COALITIONBOT_R2R_BINARY="$aot/r2r/CoalitionBot"

# The deployment files, checked with their real validators (caddy, JSON schemas, shellcheck).
deploy/check.sh 2>&1 | tee "$checks" || status=$?

dotnet test CoalitionBot.sln --configuration Release 2>&1 | tee "$log" || status=$?

total=$(grep -Eo '^\s*total: [0-9]+' "$log" | awk '{s+=$2} END {print s+0}')
failed=$(grep -Eo '^\s*failed: [0-9]+' "$log" | awk '{s+=$2} END {print s+0}')
passed=$(grep -Eo '^\s*succeeded: [0-9]+' "$log" | awk '{s+=$2} END {print s+0}')
skipped=$(grep -Eo '^\s*skipped: [0-9]+' "$log" | awk '{s+=$2} END {print s+0}')
check_passed=$(sed -nE 's/^deploy-checks: ([0-9]+) passed, ([0-9]+) failed.*/\1/p' "$checks")
check_failed=$(sed -nE 's/^deploy-checks: ([0-9]+) passed, ([0-9]+) failed.*/\2/p' "$checks")
if [ -z "$check_passed" ]; then
  echo "deploy/check.sh did not report its results" >&2
  check_failed=1
fi
passed=$(( ${passed:-0} + ${check_passed:-0} ))
failed=$(( ${failed:-0} + ${check_failed:-0} ))
grep -E '^failed |^FAIL ' "$log" "$checks" || true
echo "${passed} passed, ${failed} failed, ${skipped:-0} skipped"

if [ "${total:-0}" -eq 0 ]; then
  echo "No test ran: that is a failure." >&2
  exit 1
fi
if [ "${skipped:-0}" -ne 0 ]; then
  echo "Tests were skipped: a test never skips here; install what it needs instead." >&2
  exit 1
fi
exit "$status"
