#!/usr/bin/env bash
# Regenerates server-config/mysql/schema.sql (the hand-applied schema for DBAs) from the one Flyway migration set
# (src/main/resources/db/migration/common) with the MySQL placeholders and the default table prefix, through
# dev.gatehouse.infrastructure.persistence.SchemaSqlGenerator; SchemaSqlTest fails while the file is stale. Run after adding or
# merging a migration.
set -euo pipefail
cd "$(dirname "$0")/../../.."
mvn -B -ntp -q test-compile exec:java -Dexec.classpathScope=test \
  -Dexec.mainClass=dev.gatehouse.infrastructure.persistence.SchemaSqlGenerator "$@"
