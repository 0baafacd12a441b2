#!/usr/bin/env bash
# Installs what the test suite needs beyond the .NET SDK, from the distribution's packages:
# caddy (the proxy end-to-end tests), chromium (the admin page's browser test), shellcheck, restic
# (the backup profile's script, run against a real repository),
# python3-aiosmtpd (a real SMTP server receiving the digest end to end), clang and zlib1g-dev (the
# native AOT publish of the binary that ships, which the tests run). On an x86-64 machine, also what
# the Raspberry Pi's binary needs: the arm64 cross toolchain (gcc-aarch64-linux-gnu, zlib1g-dev:arm64)
# to build it, and qemu-user-static with the arm64 ICU and OpenSSL (Debian multiarch) to run it.
# deploy/check.sh installs its own validators (npm, into deploy/tools/node_modules).
# nodejs and npm, then tests/llm-host's pinned node-llama-cpp (llama.cpp's CPU build, prebuilt in the
# package) for the end-to-end test of the abstract against real inference (docs/summarization.md),
# and tests/a11y's pinned axe-core for the admin pages' accessibility check in Chromium.
# A tool that cannot be installed stops the run: tests never skip for lack of a tool.
set -euo pipefail

packages=(caddy chromium shellcheck restic python3-aiosmtpd clang zlib1g-dev)
# Node and npm from the distribution only when the machine has none: a Node installed another way
# (its own nodejs package that already carries npm) conflicts with the distribution's npm.
if ! command -v node >/dev/null || ! command -v npm >/dev/null; then
    packages+=(nodejs npm)
fi
if [[ $(uname -m) == x86_64 ]]; then
    # The arm64 libraries are named as the machine's own (libicu72 on Debian 12, libicu76 on 13).
    icu=$(dpkg-query -W -f='${Package}\n' 'libicu[0-9]*' 2>/dev/null | grep -E '^libicu[0-9]+$' | head -n 1)
    ssl=$(dpkg-query -W -f='${Package}\n' 'libssl3*' 2>/dev/null | grep -E '^libssl3(t64)?$' | head -n 1)
    packages+=(gcc-aarch64-linux-gnu zlib1g-dev:arm64 "${icu:-libicu72}:arm64" "${ssl:-libssl3}:arm64" qemu-user-static)
fi
# Installed for this machine's architecture (or arch-independent); "name:arch" as named. With a
# second architecture, a bare name matches both, so its statuses are checked one per line.
native=$(dpkg --print-architecture)
installed() {
    if [[ $1 == *:* ]]; then
        dpkg-query -W -f='${Status}\n' "$1" 2>/dev/null | grep -qx 'install ok installed'
    else
        dpkg-query -W -f='${Status} ${Architecture}\n' "$1" 2>/dev/null | grep -qE "^install ok installed ($native|all)$"
    fi
}
missing=()
for package in "${packages[@]}"; do
    installed "$package" || missing+=("$package")
done

if [[ ${#missing[@]} -gt 0 ]]; then
    if [[ $(id -u) -ne 0 ]]; then
        echo "The tests need ${missing[*]}: run 'sudo apt-get install ${missing[*]}' first." >&2
        exit 1
    fi
    echo "Installing ${missing[*]}…"
    if [[ " ${missing[*]} " == *":arm64 "* ]] && ! dpkg --print-foreign-architectures | grep -qx arm64; then
        dpkg --add-architecture arm64
    fi
    apt-get update -qq >/dev/null
    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
fi

tools=(caddy chromium shellcheck restic clang objcopy)
if [[ $(uname -m) == x86_64 ]]; then tools+=(aarch64-linux-gnu-gcc qemu-aarch64-static); fi
for tool in "${tools[@]}"; do
    command -v "$tool" >/dev/null || { echo "$tool is not on PATH after installing it" >&2; exit 1; }
done

# Installed here, not when the test runs: the tests themselves fetch nothing.
llm_host="$(dirname "${BASH_SOURCE[0]}")/../tests/llm-host"
if [[ ! -d $llm_host/node_modules/node-llama-cpp ]]; then
    npm ci --prefix "$llm_host" --no-audit --no-fund --loglevel=error >/dev/null
fi
# axe-core, which the admin pages' accessibility test injects into Chromium (tests/a11y).
a11y="$(dirname "${BASH_SOURCE[0]}")/../tests/a11y"
if [[ ! -f $a11y/node_modules/axe-core/axe.min.js ]]; then
    npm ci --prefix "$a11y" --no-audit --no-fund --loglevel=error >/dev/null
fi
