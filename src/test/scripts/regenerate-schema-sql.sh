#!/usr/bin/env bash
# Regenerates server-config/mysql/schema.sql (the hand-applied schema for DBAs) from the MySQL Flyway migrations with
# the default table prefix; SchemaSqlTest fails when the two drift apart. Run after adding or merging a migration.
set -euo pipefail
cd "$(dirname "$0")/../../.."
out=server-config/mysql/schema.sql
header=$(sed -n '1,/^-- ---- V1__/p' "$out" | sed '$d')
{
  printf '%s\n\n' "$header"
  for f in $(ls src/main/resources/db/migration/mysql/*.sql | sort -V); do
    printf -- '-- ---- %s\n' "$(basename "$f")"
    sed 's/\${prefix}/gatehouse_/g' "$f"
  done
} > "$out.tmp"
mv "$out.tmp" "$out"
