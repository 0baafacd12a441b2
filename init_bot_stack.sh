#!/usr/bin/env bash
# Prepares a fresh Debian / Raspberry Pi OS host for CoalitionBot and starts it:
#   1. Docker Engine and the Compose v2 plugin (from the distribution when it has Compose v2,
#      e.g. Debian 13 / Raspberry Pi OS trixie; otherwise from Docker's own apt repository,
#      Docker's documented method, when DOCKER_APT_REPO names it);
#   2. the repository cloned into DEPLOY_DIR;
#   3. .env made from .env.example, asking for the required values (never overwritten later);
#   4. the bot's image pulled from the registry CI pushes to (BOT_IMAGE, BOT_TAG in .env), or built
#      here when no registry is set or BOT_SOURCE=build; then docker compose up -d, which puts the
#      new image in service, and only then the slash commands registered from that image.
# Idempotent: run it again and it changes nothing (installed packages, the clone, .env and
# registered commands are all detected and left alone); after a git pull or a new image, it
# deploys the new image first and registers the commands from it.
#
# Usage (as root):  ./init_bot_stack.sh REPO_URL
#   or              REPO_URL=... DEPLOY_DIR=/opt/coalitionbot ./init_bot_stack.sh
# Values can be given in the environment instead of typed in (same names as in .env), e.g.
#   Discord__PublicKey=... DOMAIN=bot.example.org ./init_bot_stack.sh REPO_URL
# Options (environment): DEPLOY_DIR (default /opt/coalitionbot), BRANCH (default main),
#   DOCKER_APT_REPO (Docker's apt repository for Debian, e.g. <repository URL>/linux/debian, only
#   needed where the distribution has no Compose v2, such as Debian 12 bookworm), BOT_SOURCE (pull,
#   the default when BOT_IMAGE is set in .env, or build), BOT_BUILD_MODE (aot or r2r for a build;
#   default: r2r below 3 GiB of memory, where the native AOT compiler does not fit).
set -euo pipefail

readonly APP_UID=1654 # the non-root user of the bot's image
DEPLOY_DIR=${DEPLOY_DIR:-/opt/coalitionbot}
BRANCH=${BRANCH:-main}
REPO_URL=${1:-${REPO_URL:-}}

say() { printf '==> %s\n' "$*"; }
die() { printf 'init_bot_stack.sh: %s\n' "$*" >&2; exit 1; }

[[ $(id -u) -eq 0 ]] || die "run as root (sudo $0 ...)"

# ---- 1. Docker Engine + Compose v2 ------------------------------------------------------------
apt_updated=false
apt_update_once() {
    if [[ $apt_updated == false ]]; then
        apt-get update -qq
        apt_updated=true
    fi
}
apt_candidate() { apt-cache policy "$1" 2>/dev/null | sed -n 's/^ *Candidate: //p' | grep -v '(none)' || true; }
apt_install() {
    local missing=() package
    for package in "$@"; do
        # "install ok installed" only: a removed package keeps a dpkg entry for its config files.
        [[ $(dpkg-query -W -f='${Status}' "$package" 2>/dev/null) == "install ok installed" ]] || missing+=("$package")
    done
    if [[ ${#missing[@]} -gt 0 ]]; then
        apt_update_once
        say "Installing ${missing[*]}"
        DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "${missing[@]}"
    fi
}

install_docker_from_docker_repo() {
    # Docker's documented apt-repository method for Debian (its key, then its packages).
    local codename arch
    # shellcheck source=/dev/null
    codename=$(. /etc/os-release && printf '%s' "${VERSION_CODENAME:?}")
    arch=$(dpkg --print-architecture)
    apt_install ca-certificates curl
    install -m 0755 -d /etc/apt/keyrings
    if [[ ! -s /etc/apt/keyrings/docker.asc ]]; then
        curl -fsSL "${DOCKER_APT_REPO%/}/gpg" -o /etc/apt/keyrings/docker.asc
        chmod a+r /etc/apt/keyrings/docker.asc
    fi
    local source_line="deb [arch=$arch signed-by=/etc/apt/keyrings/docker.asc] ${DOCKER_APT_REPO%/} $codename stable"
    if [[ ! -f /etc/apt/sources.list.d/docker.list ]] || [[ $(cat /etc/apt/sources.list.d/docker.list) != "$source_line" ]]; then
        printf '%s\n' "$source_line" > /etc/apt/sources.list.d/docker.list
        apt_updated=false
    fi
    apt_install docker-ce docker-ce-cli containerd.io docker-buildx-plugin docker-compose-plugin
}

if docker compose version >/dev/null 2>&1; then
    say "Docker and Compose v2 already installed"
else
    apt_update_once
    compose_version=$(apt_candidate docker-compose)
    if [[ -n $(apt_candidate docker-compose-plugin) ]]; then
        apt_install docker.io docker-compose-plugin
    elif [[ $compose_version =~ ^([0-9]+:)?([2-9]|[1-9][0-9])\. ]]; then
        # Debian 13 and later: the docker-compose package is Compose v2 and provides `docker compose`.
        packages=(docker.io docker-compose)
        [[ -n $(apt_candidate docker-buildx) ]] && packages+=(docker-buildx)
        apt_install "${packages[@]}"
    elif [[ -n ${DOCKER_APT_REPO:-} ]]; then
        install_docker_from_docker_repo
    else
        die "this distribution has no Compose v2 package (docker-compose ${compose_version:-absent}).
Either use Debian 13 / Raspberry Pi OS trixie or later, or re-run with DOCKER_APT_REPO set to
Docker's apt repository for Debian as given on Docker's 'Install Docker Engine on Debian' page."
    fi
    if command -v systemctl >/dev/null && [[ -d /run/systemd/system ]]; then
        systemctl enable --now docker >/dev/null
    fi
    docker compose version >/dev/null 2>&1 || die "docker compose still does not work after installation"
fi
if [[ -n ${SUDO_USER:-} && $SUDO_USER != root ]] && ! id -nG "$SUDO_USER" | grep -qw docker; then
    say "Adding $SUDO_USER to the docker group (takes effect at next login)"
    usermod -aG docker "$SUDO_USER"
fi

# ---- 2. The repository ------------------------------------------------------------------------
command -v git >/dev/null || apt_install git
if [[ -d $DEPLOY_DIR/.git ]]; then
    say "Repository already in $DEPLOY_DIR (updates arrive through CI or git pull)"
else
    [[ -n $REPO_URL ]] || die "give the repository URL: $0 REPO_URL (or REPO_URL=...)"
    if [[ -d $DEPLOY_DIR ]] && [[ -n $(ls -A "$DEPLOY_DIR") ]]; then
        die "$DEPLOY_DIR exists, is not empty and is not a git clone; move it away first"
    fi
    say "Cloning $REPO_URL ($BRANCH) into $DEPLOY_DIR"
    git clone --branch "$BRANCH" "$REPO_URL" "$DEPLOY_DIR"
fi
cd "$DEPLOY_DIR"

# The bot runs as uid $APP_UID and keeps its LiteDB file and outbox in ./data. They hold message
# contents: the folder and everything in it are the bot's alone (0700, no group or other bits).
mkdir -p data
if [[ $(stat -c %u data) != "$APP_UID" ]]; then
    chown -R "$APP_UID:$APP_UID" data
fi
chmod 700 data
chmod -R go= data

# ---- 3. .env ----------------------------------------------------------------------------------
# .env is assembled in .env.new and renamed only when complete, so an interrupted run leaves no
# half-filled .env behind for the next run to take as finished.
new_env=.env.new

# set_env KEY VALUE: writes KEY=VALUE in $new_env, replacing the key's line (commented or not).
set_env() {
    local key=$1 value=$2
    if [[ $value =~ [^A-Za-z0-9_.@:/+=,-] ]]; then
        [[ $value == *"'"* ]] && die "$key contains a single quote; put it in .env by hand"
        value="'$value'"
    fi
    # umask 077: the temporary copy holds secrets too, and mv gives .env its mode 600.
    (umask 077 && KEY=$key VALUE=$value awk '
        BEGIN { key = ENVIRON["KEY"]; line = key "=" ENVIRON["VALUE"] }
        !done && ($0 ~ "^" key "=" || $0 ~ "^# ?" key "=") { print line; done = 1; next }
        { print }
        END { if (!done) print line }' "$new_env" > "$new_env.tmp")
    mv "$new_env.tmp" "$new_env"
}

# ask KEY PROMPT PATTERN [secret]: the value from the environment, or typed in, until it matches.
ask() {
    local key=$1 prompt=$2 pattern=$3 secret=${4:-} value
    value=${!key:-}
    # A single quote cannot be written safely into .env's quoting, so it is refused here too.
    while [[ ! $value =~ $pattern || $value == *"'"* ]]; do
        [[ -t 0 ]] || die "$key is missing or malformed and there is no terminal to ask: set it in the environment"
        if [[ $value == *"'"* ]]; then
            printf '  single quotes are not supported here: choose another value, or edit .env by hand later\n'
        elif [[ -n $value ]]; then
            printf '  not valid, try again\n'
        fi
        if [[ $secret == secret ]]; then
            read -r -s -p "$prompt: " value
            printf '\n'
        else
            read -r -p "$prompt: " value
        fi
    done
    set_env "$key" "$value"
}

if [[ -f .env ]]; then
    say ".env already exists: left as it is"
else
    say "Creating .env from .env.example (the values are in the Discord Developer Portal, see docs/discord-setup.md)"
    (umask 077 && cp .env.example "$new_env")
    ask DOMAIN "Public DNS name of this host (e.g. bot.example.org)" '^[A-Za-z0-9.-]+\.[A-Za-z]{2,}$'
    ask ACME_EMAIL "Contact e-mail for Let's Encrypt" '^[^@ ]+@[^@ ]+$'
    ask Discord__PublicKey "Discord application public key (64 hex characters)" '^[0-9a-fA-F]{64}$'
    ask Discord__ApplicationId "Discord application id" '^[0-9]{17,20}$'
    ask Discord__BotToken "Discord bot token" '^[A-Za-z0-9._-]{50,}$' secret
    ask Discord__GuildId "Discord server (guild) id" '^[0-9]{17,20}$'
    ask Digest__To "Digest recipient (mailing-list address)" '^[^@ ]+@[^@ ]+$'
    ask Digest__From "Digest sender address" '^[^@ ]+@[^@ ]+$'
    ask Smtp__Host "SMTP server (e.g. ssl0.ovh.net)" '^[A-Za-z0-9.-]+$'
    ask Smtp__Port "SMTP port (465 or 587)" '^[0-9]{2,5}$'
    ask Smtp__Security "SMTP security (Auto: implicit TLS on 465, STARTTLS on any other port; or SslOnConnect, StartTls)" '^(None|StartTls|SslOnConnect|Auto)$'
    ask Smtp__Username "SMTP user name (at OVH: the full address)" '^.+$'
    ask Smtp__Password "SMTP password" '^.+$' secret
    set_env Admin__Token "$(od -An -tx1 -N32 /dev/urandom | tr -d ' \n')"
    # The registry CI pushes to, when given (BOT_IMAGE=... ./init_bot_stack.sh): then the image is pulled.
    if [[ -n ${BOT_IMAGE:-} ]]; then set_env BOT_IMAGE "$BOT_IMAGE"; fi
    mv "$new_env" .env
    say ".env written (mode 600); Admin__Token was generated and is in it"
fi

# ---- 4. The image, the stack, then the slash commands --------------------------------------------
# env_value KEY: KEY's value in .env (unquoted), empty when absent or commented out.
env_value() { sed -n "s/^$1=//p" .env | tail -n 1 | tr -d "'\""; }
bot_image=$(env_value BOT_IMAGE)
bot_tag=$(env_value BOT_TAG)
image_ref="${bot_image:-localhost/coalitionbot}:${bot_tag:-latest}"
source=${BOT_SOURCE:-}
if [[ -z $source ]]; then
    if [[ -n $bot_image ]]; then source=pull; else source=build; fi
fi
case $source in
    pull)
        say "Pulling $image_ref"
        docker compose pull --quiet bot
        ;;
    build)
        [[ -z $bot_image ]] && say "No BOT_IMAGE in .env (no registry to pull from): building the image here"
        # The Dockerfile's cache mounts need BuildKit: Docker's default builder, through buildx.
        if [[ ${DOCKER_BUILDKIT:-1} == 0 ]] || ! docker buildx version >/dev/null 2>&1; then
            die "building needs BuildKit: install docker-buildx (Debian) or docker-buildx-plugin (Docker's repository) and unset DOCKER_BUILDKIT=0"
        fi
        mode=${BOT_BUILD_MODE:-$(env_value BOT_BUILD_MODE)}
        if [[ -z $mode ]]; then
            # The native AOT compiler peaks at 2.13-2.19 GiB (measured 2026-12-02, docs/deployment.md).
            memory_kib=$(awk '/^MemTotal:/ { print $2 }' /proc/meminfo)
            if [[ $memory_kib -lt $((3 * 1024 * 1024)) ]]; then mode=r2r; else mode=aot; fi
        fi
        [[ $mode == aot || $mode == r2r ]] || die "BOT_BUILD_MODE is $mode: aot or r2r"
        say "Building $image_ref ($mode build; a Raspberry Pi takes a while)"
        BOT_BUILD_MODE=$mode docker compose build --pull bot
        ;;
    *) die "BOT_SOURCE is $source: pull or build" ;;
esac

# Recreates what changed (the bot when its image did), before anything runs from the new image.
say "Starting the stack"
docker compose up -d

# The commands are registered from the image now in service, once per image.
marker=data/.commands-registered
image_id=$(docker image inspect --format '{{.Id}}' "$image_ref")
if [[ -f $marker && $(cat "$marker") == "$image_id" ]]; then
    say "Slash commands already registered from this image ($image_id)"
else
    say "Registering the slash commands with Discord"
    docker compose run --rm --no-deps bot register-commands
    printf '%s\n' "$image_id" > "$marker"
fi

domain=$(sed -n 's/^DOMAIN=//p' .env | tr -d "'")
say "Done. Interactions endpoint URL for the Developer Portal: https://$domain/interactions"
say "Health: https://$domain/healthz   Uptime Kuma: ssh -L 3001:127.0.0.1:3001 to this host, then http://localhost:3001"
