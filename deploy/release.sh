#!/usr/bin/env bash
# Deploys one tag of the bot's image on this host, in the stack's directory (default: this
# checkout): sets BOT_TAG in .env, pulls the image, recreates the bot with it, waits until it is
# healthy, reloads Caddy, and only then registers the slash commands from the new image. Records the
# tag in .deploy-history, which deploy/rollback.sh reads.
#
#   deploy/release.sh TAG          e.g. a commit (what CI deploys), a version, or latest
#
# Options (environment): DEPLOY_DIR (default: the folder above this script), HEALTH_TIMEOUT
# (seconds to wait for the bot's health check, default 180). Needs docker compose, and a `docker
# login` to the registry when it is private.
set -euo pipefail

tag=${1:?usage: deploy/release.sh TAG}
[[ $tag =~ ^[A-Za-z0-9_][A-Za-z0-9_.-]{0,127}$ ]] || { echo "deploy/release.sh: $tag is not a valid image tag" >&2; exit 2; }
cd "${DEPLOY_DIR:-$(dirname "${BASH_SOURCE[0]}")/..}"
[[ -f .env ]] || { echo "deploy/release.sh: no .env in $PWD (run init_bot_stack.sh first)" >&2; exit 1; }
say() { printf '==> %s\n' "$*"; }

# BOT_TAG=tag in .env, in place of the line (commented or not) that has it; .env keeps its mode.
(umask 077 && TAG=$tag awk '
    BEGIN { line = "BOT_TAG=" ENVIRON["TAG"] }
    !done && /^#? ?BOT_TAG=/ { print line; done = 1; next }
    { print }
    END { if (!done) print line }' .env > .env.new.release)
cat .env.new.release > .env
rm -f .env.new.release

say "Pulling the bot's image, tag $tag"
docker compose pull --quiet bot
say "Recreating the bot (and Caddy, Uptime Kuma if they changed)"
docker compose up -d bot caddy uptime-kuma
# Caddyfile changes do not recreate the container; reloading applies them without downtime.
docker compose exec -T caddy caddy reload --config /etc/caddy/Caddyfile --adapter caddyfile

container=$(docker compose ps -q bot)
deadline=$((SECONDS + ${HEALTH_TIMEOUT:-180}))
while true; do
    health=$(docker inspect --format '{{.State.Health.Status}}' "$container")
    [[ $health == healthy ]] && break
    if [[ $health == unhealthy || $SECONDS -ge $deadline ]]; then
        docker compose logs --tail 40 bot >&2 || true
        echo "deploy/release.sh: the bot is $health with tag $tag; deploy/rollback.sh returns to the previous tag" >&2
        exit 1
    fi
    sleep 3
done
say "The bot is healthy with tag $tag"

# From the image now in service. A bulk overwrite: unchanged commands stay as they are.
docker compose run --rm --no-deps -T bot register-commands
if [[ ! -f .deploy-history || $(tail -n 1 .deploy-history) != "$tag" ]]; then
    printf '%s\n' "$tag" >> .deploy-history
fi
docker image prune -f > /dev/null
say "Deployed $tag"
