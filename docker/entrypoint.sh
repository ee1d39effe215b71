#!/bin/sh
# Runs one OmniCRM role. The image's CMD picks it; compose and orchestrators override it.
set -eu
role="${1:-web}"
[ "$#" -gt 0 ] && shift
tsx="node /app/node_modules/tsx/dist/cli.mjs"
case "$role" in
  web) exec node /app/node_modules/next/dist/bin/next start -p "${PORT:-3000}" "$@" ;;
  worker) exec $tsx /app/src/worker/main.ts "$@" ;;
  migrate) exec $tsx /app/scripts/migrate.ts "$@" ;;
  backup) exec $tsx /app/scripts/db-backup.ts "$@" ;;
  restore) exec $tsx /app/scripts/db-restore.ts "$@" ;;
  reencrypt) exec $tsx /app/scripts/keys-reencrypt.ts "$@" ;;
  *) echo "usage: omnicrm web|worker|migrate|backup [FILE]|restore FILE|reencrypt" >&2; exit 2 ;;
esac
