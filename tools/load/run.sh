#!/usr/bin/env bash
# 60 seconds of mixed reads from 32 concurrent clients on loopback against the service in the production profile with
# the default 2,000-person demo network. Rate limiting is off for this run: all 32 clients share one address, and the
# point is the service's own capacity (with limits on, a single address gets 429 after 600 requests a minute, as it should).
# Usage: tools/load/run.sh [--clients 32] [--seconds 60]
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
Seed__DemoPeople="${Seed__DemoPeople:-2000}" RateLimiting__Enabled=false \
  "$here/../with-service.sh" node "$here/mixed-reads.mjs" "$@"
