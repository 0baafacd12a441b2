#!/usr/bin/env bash
# Builds the bot's image for linux/amd64 and linux/arm64 (cross-compiled on this machine, no
# emulation: see the Dockerfile) and tags it by commit, by version (the csproj's <Version>) and latest.
#
#   deploy/build-images.sh IMAGE [--push]     e.g. 192.168.1.20:3000/owner/coalitionbot
#
# Without --push the images stay in BuildKit's cache (a check that they build). Run on an x86-64
# machine with Docker and buildx; CI runs it (.woodpecker/ci.yml) after the tests, with --push.
# Options (environment): SOURCE_URL (the OCI source label), PLATFORMS (default both).
set -euo pipefail

image=${1:?usage: deploy/build-images.sh IMAGE [--push]}
push=${2:-}
[[ -z $push || $push == --push ]] || { echo "deploy/build-images.sh: unknown option $push" >&2; exit 2; }
cd "$(dirname "${BASH_SOURCE[0]}")/.."

revision=$(git rev-parse HEAD)
version=$(sed -n 's:.*<Version>\(.*\)</Version>.*:\1:p' src/CoalitionBot/CoalitionBot.csproj | head -n 1)
[[ -n $version ]] || { echo "deploy/build-images.sh: no <Version> in src/CoalitionBot/CoalitionBot.csproj" >&2; exit 1; }

# A multi-platform build needs a builder of the docker-container driver; made once, then reused.
if ! docker buildx inspect coalitionbot >/dev/null 2>&1; then
    docker buildx create --name coalitionbot --driver docker-container >/dev/null
fi
arguments=(--builder coalitionbot --platform "${PLATFORMS:-linux/amd64,linux/arm64}"
    --build-arg "VERSION=$version" --build-arg "REVISION=$revision" --build-arg "SOURCE=${SOURCE_URL:-}"
    --tag "$image:$revision" --tag "$image:$version" --tag "$image:latest")
[[ $push == --push ]] && arguments+=(--push)
printf '==> Building %s (%s, %s)\n' "$image" "$version" "$revision"
docker buildx build "${arguments[@]}" .
