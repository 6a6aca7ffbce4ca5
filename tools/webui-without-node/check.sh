#!/usr/bin/env bash
# Proves the service builds and runs on a machine without Node.js: copies the service's tracked sources (as a fresh
# clone has them: no Web/ui/dist, no node_modules) to a temporary folder, builds them with the node and npm commands
# pointing at nothing (WebUiNode/WebUiNpm), starts the build, and checks that / answers the "The web UI is not built"
# page and that /graphql answers queries. The repository's own bin/ and obj/ are not touched.
set -euo pipefail
root="$(cd "$(dirname "$0")/../.." && pwd)"
work="$(mktemp -d)"
server=""
cleanup() {
  if [ -n "$server" ]; then kill "$server" 2>/dev/null || true; wait "$server" 2>/dev/null || true; fi
  rm -rf "$work"
}
trap cleanup EXIT
fail() { echo "webui-without-node: $*" >&2; for log in "$work"/*.log; do [ -s "$log" ] && { echo "--- $log" >&2; tail -n 40 "$log" >&2; }; done; exit 1; }

mkdir -p "$work/src"
git -C "$root" ls-files -z -- Directory.Build.props Directory.Packages.props global.json schema seed src/IcsExpertiseGraph.Api \
  | (cd "$root" && tar --null -T - -cf -) | tar -xf - -C "$work/src"
[ ! -e "$work/src/src/IcsExpertiseGraph.Api/Web/ui/dist" ] || fail "the copied sources contain a built UI"

dotnet build "$work/src/src/IcsExpertiseGraph.Api" -c Release --nologo -v minimal -o "$work/bin" \
  -p:WebUiNode=/nonexistent/node -p:WebUiNpm=/nonexistent/npm > "$work/build.log" 2>&1 || fail "the build failed without Node.js"
grep -q "Node.js ('/nonexistent/node') was not found" "$work/build.log" || fail "the build did not say that Node.js is missing"
[ ! -e "$work/bin/webui/index.html" ] || fail "a UI bundle was copied although Node.js was missing"

# Port 0: Kestrel picks a free port and logs it.
ASPNETCORE_ENVIRONMENT=Production Urls="http://127.0.0.1:0" Storage__Sqlite__Path="$work/expertise.db" \
  Auth__LocalKeyPath="$work/local-issuer.key" Auth__AllowLocalIssuerInProduction=true Seed__DemoPeople=50 \
  dotnet "$work/bin/IcsExpertiseGraph.Api.dll" > "$work/server.log" 2>&1 &
server=$!
url=""
for _ in $(seq 1 120); do
  url="$(grep -o 'http://127\.0\.0\.1:[0-9]\+' "$work/server.log" | head -n 1 || true)"
  if [ -n "$url" ] && curl -fsS "$url/readyz" > /dev/null 2>&1; then break; fi
  kill -0 "$server" 2>/dev/null || fail "the service exited before it was ready"
  sleep 0.5
done
curl -fsS "$url/readyz" > /dev/null 2>&1 || fail "the service was not ready within 60 s"

page="$(curl -fsS "$url/")" || fail "/ did not answer"
grep -q "<h1>The web UI is not built</h1>" <<< "$page" || fail "/ did not say that the web UI is not built: $page"
answer="$(curl -fsS "$url/graphql" -H 'content-type: application/json' \
  -d '{"query":"{ __typename integratedCareSystems(first: 1) { edges { node { name } } } }"}')" || fail "/graphql did not answer"
grep -q '"__typename":"Query"' <<< "$answer" && grep -q '"name":"NHS ' <<< "$answer" || fail "/graphql answered wrongly: $answer"
echo "webui-without-node: the service built without Node.js, / says the UI is not built, /graphql answers"
