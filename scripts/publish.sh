#!/usr/bin/env bash
# Publishes the bot (Release) into a folder: the one publish command shared by the Dockerfile,
# test.sh and deploy/package.sh, so that what the tests run is what the image and the tarballs ship.
#
#   scripts/publish.sh OUTPUT [--arch amd64|arm64|x64] [--r2r] [--no-restore]
#
# Default: native AOT (trimmed, no .NET runtime needed), the build that ships. The symbols file
# (.dbg, twice the binary's size) is removed.
# --r2r: a self-contained ReadyToRun (JIT) build, untrimmed, for a machine that cannot afford the
#   native AOT compiler's memory (measured 2026-12-02 with /usr/bin/time -v on a 2-vCPU x86-64
#   machine: native AOT peak 2.13-2.19 GiB, ReadyToRun 0.59-0.62 GiB; docs/deployment.md). It
#   starts slower and uses more memory at idle, but builds on a 1-2 GB Raspberry Pi.
set -euo pipefail

output=${1:?usage: scripts/publish.sh OUTPUT [--arch ARCH] [--r2r] [--no-restore]}
shift
arch=""
mode=aot
restore=()
while [[ $# -gt 0 ]]; do
    case $1 in
        --arch) arch=${2:?--arch needs a value}; shift 2 ;;
        --r2r) mode=r2r; shift ;;
        --no-restore) restore=(--no-restore); shift ;;
        *) echo "scripts/publish.sh: unknown option $1" >&2; exit 2 ;;
    esac
done
# Docker's TARGETARCH says amd64, .NET says x64.
[[ $arch == amd64 ]] && arch=x64

cd "$(dirname "${BASH_SOURCE[0]}")/.."
arguments=(src/CoalitionBot/CoalitionBot.csproj --configuration Release --output "$output" "${restore[@]}")
[[ -n $arch ]] && arguments+=(--arch "$arch")
if [[ $mode == r2r ]]; then
    # PublishAot off gives the JIT build; ReadyToRun precompiles it so start-up stays short. Trimming
    # stays off (the trimmed graph is what costs the memory), so this build is larger on disk.
    arguments+=(-p:PublishAot=false -p:PublishReadyToRun=true --self-contained true)
    # ReadyToRun needs a runtime identifier: this machine's when none is given.
    if [[ -z $arch ]]; then
        case $(uname -m) in
            x86_64) arguments+=(--arch x64) ;;
            aarch64) arguments+=(--arch arm64) ;;
            *) echo "scripts/publish.sh: no ReadyToRun target for $(uname -m)" >&2; exit 2 ;;
        esac
    fi
fi
dotnet publish "${arguments[@]}"
rm -f "$output"/*.dbg
