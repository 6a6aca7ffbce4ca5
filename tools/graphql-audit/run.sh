#!/usr/bin/env bash
# The graphql-http audit against the service in the production profile (see ../with-service.sh), failing on any MUST
# failure. Introspection is on for the audit only because its variables audits query __type (with
# AUDIT_INTROSPECTION=false that MUST fails for that reason alone); rate limits are off because the audit sends its
# requests from one address at once.
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
(cd "$here" && npm ci --no-audit --no-fund --loglevel=error)
GraphQL__Introspection="${AUDIT_INTROSPECTION:-true}" RateLimiting__Enabled=false \
  "$here/../with-service.sh" node "$here/audit.mjs"
