#!/usr/bin/env bash
# Installs what the test suite needs beyond the .NET SDK, from the distribution's packages:
# caddy (the proxy end-to-end tests), chromium (the admin page's browser test), shellcheck,
# python3-aiosmtpd (a real SMTP server receiving the digest end to end), clang and zlib1g-dev (the
# native AOT publish of the binary that ships, which the tests run).
# deploy/check.sh installs its own validators (npm, into deploy/tools/node_modules).
# A tool that cannot be installed stops the run: tests never skip for lack of a tool.
set -euo pipefail

packages=(caddy chromium shellcheck python3-aiosmtpd clang zlib1g-dev)
missing=()
for package in "${packages[@]}"; do
    [[ $(dpkg-query -W -f='${Status}' "$package" 2>/dev/null) == "install ok installed" ]] || missing+=("$package")
done

if [[ ${#missing[@]} -gt 0 ]]; then
    if [[ $(id -u) -ne 0 ]]; then
        echo "The tests need ${missing[*]}: run 'sudo apt-get install ${missing[*]}' first." >&2
        exit 1
    fi
    echo "Installing ${missing[*]}…"
    apt-get update -qq >/dev/null
    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
fi

for tool in caddy chromium shellcheck clang objcopy; do
    command -v "$tool" >/dev/null || { echo "$tool is not on PATH after installing it" >&2; exit 1; }
done
