#!/usr/bin/env bash
# Measures what a local build costs: wall time, CPU seconds and peak memory of scripts/publish.sh,
# with GNU time (/usr/bin/time -v). The figures in docs/deployment.md come from it; measure on a
# quiet machine (the load average is printed before and after) and date what you write down.
#
#   scripts/measure-publish.sh [publish.sh options]      e.g. --r2r, --arch arm64
set -euo pipefail

cd "$(dirname "${BASH_SOURCE[0]}")/.."
[[ -x /usr/bin/time ]] || { echo "scripts/measure-publish.sh: needs GNU time (apt-get install time)" >&2; exit 1; }
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

printf 'load before: %s\n' "$(cut -d' ' -f1-3 /proc/loadavg)"
# A clean output and intermediate folder, so that nothing is reused from an earlier build.
rm -rf src/CoalitionBot/obj/Release src/CoalitionBot/bin/Release
/usr/bin/time -v -o "$work/time.txt" scripts/publish.sh "$work/out" "$@" > "$work/publish.log" 2>&1 \
    || { tail -n 40 "$work/publish.log" >&2; exit 1; }
printf 'load after: %s\n' "$(cut -d' ' -f1-3 /proc/loadavg)"
awk -F': ' '
    /Elapsed \(wall clock\)/ { wall = $2 }
    /User time/ { user = $2 }
    /System time/ { system = $2 }
    /Maximum resident set size/ { rss = $2 }
    END { printf "wall %s, CPU %.0f s (user %s + system %s), peak RSS %.2f GiB\n", wall, user + system, user, system, rss / 1048576 }
' "$work/time.txt"
printf 'date: %s, machine: %s, %s CPUs\n' "$(date -u +%F)" "$(uname -m)" "$(nproc)"
