#!/usr/bin/env bash
# Makes the release tarballs for an install without Docker (docs/deployment.md, "Without Docker"):
#   coalitionbot-VERSION-linux-ARCH.tar.gz  (and its .sha256), one per architecture, holding
#     CoalitionBot            the native AOT executable
#     libsodium.so            the signature library it loads (NSec)
#     libSkiaSharp.so         the drawing library of /report's chart (SkiaSharp, no other dependency)
#     appsettings.json        the built-in defaults (settings go in the environment file)
#     coalitionbot.service    the hardened systemd unit (deploy/systemd/)
#     coalitionbot.env.example  the settings, as in .env.example
#     caddy/                  the Caddyfile and its snippets, for Caddy from Debian in front
#
#   deploy/package.sh OUT_DIR [ARCH...]          ARCH: x64, arm64 (default: both)
#   deploy/package.sh OUT_DIR --from DIR ARCH    package an already published folder (test.sh)
set -euo pipefail

out=${1:?usage: deploy/package.sh OUT_DIR [ARCH...] | OUT_DIR --from DIR ARCH}
shift
from=""
if [[ ${1:-} == --from ]]; then
    from=${2:?--from needs a folder}
    shift 2
    [[ $# -eq 1 ]] || { echo "deploy/package.sh: --from packages exactly one ARCH" >&2; exit 2; }
fi
architectures=("$@")
[[ ${#architectures[@]} -gt 0 ]] || architectures=(x64 arm64)
mkdir -p "$out"
out=$(cd "$out" && pwd)
[[ -z $from ]] || from=$(cd "$from" && pwd)
cd "$(dirname "${BASH_SOURCE[0]}")/.."

version=$(sed -n 's:.*<Version>\(.*\)</Version>.*:\1:p' src/CoalitionBot/CoalitionBot.csproj | head -n 1)
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

for arch in "${architectures[@]}"; do
    [[ $arch == x64 || $arch == arm64 ]] || { echo "deploy/package.sh: ARCH is x64 or arm64, not $arch" >&2; exit 2; }
    name="coalitionbot-$version-linux-$arch"
    published=${from:-$work/publish-$arch}
    [[ -n $from ]] || scripts/publish.sh "$published" --arch "$arch" >"$work/publish-$arch.log" 2>&1 \
        || { tail -n 40 "$work/publish-$arch.log" >&2; echo "deploy/package.sh: the $arch publish failed" >&2; exit 1; }
    stage="$work/$name"
    mkdir -p "$stage/caddy/deploy/caddy"
    install -m 0755 "$published/CoalitionBot" "$stage/CoalitionBot"
    install -m 0644 "$published/libsodium.so" "$published/libSkiaSharp.so" "$published/appsettings.json" "$stage/"
    install -m 0644 deploy/systemd/coalitionbot.service "$stage/"
    install -m 0644 .env.example "$stage/coalitionbot.env.example"
    install -m 0644 Caddyfile "$stage/caddy/"
    install -m 0644 deploy/caddy/*.caddy "$stage/caddy/deploy/caddy/"
    # Root-owned entries and a fixed date: the same inputs give the same tarball.
    tar --create --directory "$work" --sort=name \
        --owner=0 --group=0 --numeric-owner --mtime='2026-01-01 00:00Z' "$name" | gzip -n > "$out/$name.tar.gz"
    (cd "$out" && sha256sum "$name.tar.gz" > "$name.tar.gz.sha256")
    printf '%s/%s.tar.gz\n' "$out" "$name"
done
