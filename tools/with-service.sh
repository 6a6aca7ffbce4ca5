#!/usr/bin/env bash
# Builds the service (Release), starts it on loopback in the production profile with a temporary SQLite store and a
# demo network, waits until /readyz answers, runs the given command with SERVICE_URL set, then stops the service.
# Any setting can be overridden from the environment (e.g. Seed__DemoPeople=2000 RateLimiting__Enabled=false).
# Usage: tools/with-service.sh <command> [args...]       Exit status: the command's.
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
port="${SERVICE_PORT:-5189}"
export SERVICE_URL="http://127.0.0.1:$port"
if curl -s -o /dev/null "$SERVICE_URL/"; then
  echo "something already listens on $SERVICE_URL; set SERVICE_PORT to a free port" >&2
  exit 1
fi

work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT

dotnet build "$root/src/IcsExpertiseGraph.Api" -c Release --nologo -v quiet -o "$work/bin" > "$work/build.log" 2>&1 \
  || { cat "$work/build.log"; exit 1; }

export ASPNETCORE_ENVIRONMENT="${ASPNETCORE_ENVIRONMENT:-Production}"
export Urls="$SERVICE_URL"
export Storage__Sqlite__Path="$work/expertise.db"
export Auth__LocalKeyPath="$work/local-issuer.key"
export Auth__AllowLocalIssuerInProduction="${Auth__AllowLocalIssuerInProduction:-true}"
export Seed__DemoPeople="${Seed__DemoPeople:-200}"
export Logging__LogLevel__Default="${Logging__LogLevel__Default:-Warning}"
dotnet "$work/bin/IcsExpertiseGraph.Api.dll" > "$work/server.log" 2>&1 &
server=$!
trap 'kill "$server" 2>/dev/null || true; wait "$server" 2>/dev/null || true; rm -rf "$work"' EXIT

for _ in $(seq 1 240); do
  if curl -fsS "$SERVICE_URL/readyz" > /dev/null 2>&1; then break; fi
  if ! kill -0 "$server" 2>/dev/null; then cat "$work/server.log"; echo "the service exited before it was ready" >&2; exit 1; fi
  sleep 0.5
done
curl -fsS "$SERVICE_URL/readyz" > /dev/null || { cat "$work/server.log"; echo "the service was not ready within 120 s" >&2; exit 1; }

set +e
"$@"
status=$?
set -e
if [ "$status" -ne 0 ] && [ -s "$work/server.log" ]; then echo "--- service log ---" >&2; tail -n 50 "$work/server.log" >&2; fi
exit "$status"
