#!/usr/bin/env bash
# Regenerates the pictures the README (and docs/admin.md) shows, with Debian's headless Chromium:
#   docs/images/digest.png      the mail of `digest --preview --sample` (the shipped sample server)
#   docs/images/admin-phone.png the admin page on a phone, signed in, as the browser test drives it
# Run it after a change to the digest's or the admin page's look, and commit the PNGs.
set -euo pipefail
cd "$(dirname "$0")/.."

chromium=${CHROMIUM:-/usr/bin/chromium}
[[ -x $chromium ]] || { echo "$chromium is missing: scripts/install-test-tools.sh installs it" >&2; exit 1; }
# Discord messages carry emoji: without a colour emoji font Chromium draws empty boxes.
if ! fc-list 2>/dev/null | grep -qi 'emoji'; then
    if [[ $(id -u) -ne 0 ]]; then echo "run 'sudo apt-get install fonts-noto-color-emoji' first" >&2; exit 1; fi
    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends fonts-noto-color-emoji >/dev/null
fi
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
mkdir -p docs/images

# The sample digest, rendered by the bot itself into a scratch working directory (its data/outbox/).
dotnet build src/CoalitionBot -c Release -o "$work/bin" >"$work/build.log" 2>&1 || { tail -30 "$work/build.log"; exit 1; }
mkdir -p "$work/run"
(cd "$work/run" && "$work/bin/CoalitionBot" digest --preview --sample >"$work/preview.log" 2>&1) || { cat "$work/preview.log"; exit 1; }
html=$(find "$work/run/data/outbox" -name 'preview-*-sample.html' | head -n 1)
[[ -n $html ]] || { echo "digest --preview --sample wrote no HTML file" >&2; cat "$work/preview.log"; exit 1; }
"$chromium" --headless --no-sandbox --disable-gpu --hide-scrollbars --no-first-run \
    --window-size=760,1500 --screenshot="$PWD/docs/images/digest.png" "file://$html" >/dev/null 2>&1
echo "docs/images/digest.png"

# The admin page: the browser test signs in on a phone-sized screen and saves its screenshots.
dotnet test --project tests/CoalitionBot.Tests -c Release \
    --filter-method 'CoalitionBot.Tests.Admin.AdminBrowserTests.A_moderator_signs_in_on_a_phone_and_excludes_a_channel' \
    >"$work/test.log" 2>&1 || { tail -40 "$work/test.log"; exit 1; }
shot=$(find tests/CoalitionBot.Tests/bin/Release -path '*/screenshots/admin-phone.png' -newer "$work/build.log" | head -n 1)
[[ -n $shot ]] || { echo "the browser test saved no admin-phone.png" >&2; exit 1; }
cp "$shot" docs/images/admin-phone.png
echo "docs/images/admin-phone.png"
