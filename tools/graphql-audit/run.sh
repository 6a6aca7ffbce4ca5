#!/usr/bin/env bash
# Builds and starts the service (Release, production profile, a temporary SQLite file, a small demo network),
# waits for /readyz, runs the graphql-http audit against it, and stops it. Introspection is on for the audit only
# because its variables audits query __type (AUDIT_INTROSPECTION=false shows that MUST failing for that reason alone);
# rate limits are off because the audit sends its 61 requests from one address at once.
# Exits non-zero on any MUST failure. Usage: tools/graphql-audit/run.sh   (from anywhere)
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
root="$(cd "$here/../.." && pwd)"
work="$(mktemp -d)"
port="${AUDIT_PORT:-5189}"
url="http://127.0.0.1:$port"

(cd "$here" && npm ci --no-audit --no-fund --loglevel=error)
dotnet build "$root/src/IcsExpertiseGraph.Api" -c Release --nologo -v quiet -o "$work/bin"

ASPNETCORE_ENVIRONMENT=Production \
Urls="$url" \
Storage__Sqlite__Path="$work/expertise.db" \
Seed__DemoPeople=200 \
GraphQL__Introspection="${AUDIT_INTROSPECTION:-true}" \
RateLimiting__Enabled=false \
Auth__AllowLocalIssuerInProduction=true \
Logging__LogLevel__Default=Warning \
  dotnet "$work/bin/IcsExpertiseGraph.Api.dll" > "$work/server.log" 2>&1 &
server=$!
trap 'kill "$server" 2>/dev/null || true; wait "$server" 2>/dev/null || true; rm -rf "$work"' EXIT

for _ in $(seq 1 120); do
  if curl -fsS "$url/readyz" > /dev/null 2>&1; then break; fi
  if ! kill -0 "$server" 2>/dev/null; then cat "$work/server.log"; echo "the service exited before it was ready" >&2; exit 1; fi
  sleep 0.5
done
curl -fsS "$url/readyz" > /dev/null || { cat "$work/server.log"; echo "the service was not ready within 60 s" >&2; exit 1; }

node "$here/audit.mjs" "$url/graphql"
