#!/usr/bin/env bash
# Rolls the bot back to the image deployed before the current one, in one command:
#
#   deploy/rollback.sh            the previous tag in .deploy-history
#   deploy/rollback.sh TAG        a tag of your choice
#
# It redeploys that tag with deploy/release.sh (pull, recreate, health check, commands). Only the
# image goes back: .env, data/ and the checkout stay as they are. A second rollback returns to the
# tag rolled back from. Options as deploy/release.sh (DEPLOY_DIR).
set -euo pipefail

here=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
cd "${DEPLOY_DIR:-$here/..}"
if [[ $# -gt 0 ]]; then
    target=$1
else
    [[ -s .deploy-history ]] || { echo "deploy/rollback.sh: no .deploy-history in $PWD: give the tag (deploy/rollback.sh TAG)" >&2; exit 1; }
    current=$(tail -n 1 .deploy-history)
    # The last tag before the current one that differs from it.
    target=$(awk -v current="$current" '$0 != current { previous = $0 } END { print previous }' .deploy-history)
    [[ -n $target ]] || { echo "deploy/rollback.sh: $current is the only tag deployed here; nothing to roll back to" >&2; exit 1; }
    printf '==> Rolling back from %s to %s\n' "$current" "$target"
fi
DEPLOY_DIR=$PWD exec "$here/release.sh" "$target"
