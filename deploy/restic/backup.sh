#!/bin/sh
# Entry script of the compose "backup" profile (image restic/restic, busybox sh). Pushes the bot's
# nightly snapshots (data/backups) and the stack's volumes to the restic repository set in .env,
# then applies the retention policy. docs/operations.md explains it.
#   docker compose run --rm backup init             create the repository (once)
#   docker compose run --rm backup now              one backup now
#   docker compose run --rm backup restic snapshots any restic command (restore, check, ...)
#   (no argument)                                   every night at BACKUP_AT, in BACKUP_TIMEZONE
set -eu

log() { printf '%s backup: %s\n' "$(date -u '+%Y-%m-%d %H:%M:%S')Z" "$*"; }
fail() { log "$*"; exit 1; }

[ -n "${RESTIC_REPOSITORY:-}" ] || fail "RESTIC_REPOSITORY is not set in .env: /repository (a USB disk, RESTIC_DISK) or sftp:user@host:/path"
[ -n "${RESTIC_PASSWORD:-}" ] || fail "RESTIC_PASSWORD is not set in .env"
at=${BACKUP_AT:-04:30}
case $at in
    [01][0-9]:[0-5][0-9] | 2[0-3]:[0-5][0-9]) ;;
    *) fail "BACKUP_AT must be a time of day as HH:MM, such as 04:30 (it is '$at')" ;;
esac

# What is backed up: each folder under /source (the compose file mounts them read-only). The bot's
# live database is not: its consistent snapshots in data/backups are.
source=${BACKUP_SOURCE:-/source}
sources() {
    for path in "$source/bot-data/backups" "$source/caddy_data" "$source/caddy_config" "$source/uptime_kuma_data" \
        "$source/gitea_data" "$source/woodpecker_data"; do
        if [ -d "$path" ]; then printf '%s\n' "$path"; else log "skipped $path: not there (yet)" >&2; fi
    done
}

run_once() {
    # An unmounted USB disk leaves an empty folder: refuse it rather than fill the SD card.
    restic cat config >/dev/null 2>&1 \
        || { log "no restic repository at RESTIC_REPOSITORY (disk not mounted? first time: docker compose run --rm backup init)"; return 1; }
    # shellcheck disable=SC2046 # one argument per line of sources(), none has a space
    restic backup --host coalitionbot --tag nightly $(sources) || return 1
    restic forget --host coalitionbot --prune \
        --keep-daily "${RESTIC_KEEP_DAILY:-7}" --keep-weekly "${RESTIC_KEEP_WEEKLY:-4}" --keep-monthly "${RESTIC_KEEP_MONTHLY:-6}" || return 1
    restic check || return 1
    if [ -n "${BACKUP_PUSH_URL:-}" ]; then
        wget -q -O /dev/null "$BACKUP_PUSH_URL" || log "the push to BACKUP_PUSH_URL failed"
    fi
    log "done"
}

case ${1:-nightly} in
    init) exec restic init ;;
    now) run_once ;;
    nightly)
        log "nightly at $at ($(date +%Z)), keeping ${RESTIC_KEEP_DAILY:-7} daily, ${RESTIC_KEEP_WEEKLY:-4} weekly, ${RESTIC_KEEP_MONTHLY:-6} monthly"
        while :; do
            if [ "$(date +%H:%M)" = "$at" ]; then
                run_once || log "FAILED: the backup did not complete (see above); the next try is tomorrow at $at"
                sleep 60
            fi
            sleep 20
        done
        ;;
    *) exec "$@" ;;
esac
