#!/usr/bin/env bash
# Runs the store contract suite against a real Neo4j: the compose file's throwaway "neo4j-test" service
# (port 7475, data in memory), started here and removed afterwards. Needs Docker with Compose and a .env file
# (cp .env.example .env). To use another server instead: NEO4J_URI=http://host:7474 NEO4J_USER=neo4j
# NEO4J_PASSWORD=... dotnet test --filter "FullyQualifiedName~Tests.Contract." (the suite replaces that database's network).
set -euo pipefail
cd "$(dirname "$0")/.."

compose() { if docker compose version >/dev/null 2>&1; then docker compose "$@"; else docker-compose "$@"; fi; }
password=$(grep -E '^NEO4J_PASSWORD=' .env | cut -d= -f2-)

compose --profile test up -d neo4j-test
trap 'compose --profile test rm -sf neo4j-test >/dev/null' EXIT
echo "Waiting for neo4j-test to be healthy..."
for _ in $(seq 1 60); do
  status=$(docker inspect -f '{{.State.Health.Status}}' "$(compose --profile test ps -q neo4j-test)" 2>/dev/null || true)
  [ "$status" = healthy ] && break
  sleep 5
done
[ "$status" = healthy ] || { echo "neo4j-test did not become healthy"; exit 1; }

NEO4J_URI=http://localhost:7475 NEO4J_USER=neo4j NEO4J_PASSWORD="$password" \
  dotnet test IcsExpertiseGraph.sln --configuration Release --filter "FullyQualifiedName~Tests.Contract." --logger "console;verbosity=normal"
