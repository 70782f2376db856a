#!/usr/bin/env bash
# Runs every EcoBid test: unit, contract, integration through the real HTTP host, and the kill -9 crash tests.
# On a clean Debian machine (as root) it first installs what the tests need; on a prepared one it only checks.
set -euo pipefail
cd "$(dirname "$0")"
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1 DOTNET_SKIP_FIRST_TIME_EXPERIENCE=1
# The web tests drive Debian's chromium; Playwright must never fetch a browser of its own.
export PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD=1

scripts/install-test-prerequisites.sh
# PostgreSQL and RabbitMQ for the scale-out adapters' tests; each test run makes its own database and vhost in them.
# Stopped again at the end, but only what this run started (a developer's running servers stay up).
scripts/test-services.sh start

log=$(mktemp)
trap 'rm -f "$log"; scripts/test-services.sh stop' EXIT
dotnet build EcoBid.slnx -c Release -warnaserror -nologo -v quiet
set +e
dotnet test EcoBid.slnx -c Release --no-build --nologo "$@" 2>&1 | tee "$log"
status=${PIPESTATUS[0]}

# Part of the server suite once more with every app on PostgreSQL (a schema each): the marketplace's races
# (reservations: one winner per item; auctions: bids that strictly rise, grouped under the item's lock), and the
# features whose SQL differs most between the databases (full-text and nearby search, saved-search matching, items and
# their handlers), and the workflows and disputes, whose concurrent advances take turns on PostgreSQL's row locks.
# The whole server suite runs on PostgreSQL with ECOBID_TEST_STORAGE=postgres; it takes about 22 minutes more, so a
# full run here takes only these (about 7). Skipped when arguments narrow the run.
if [ "$#" -eq 0 ]; then
  ECOBID_TEST_STORAGE=postgres dotnet test tests/EcoBid.Server.Tests/EcoBid.Server.Tests.csproj -c Release --no-build --nologo \
    --filter "FullyQualifiedName~EcoBid.Server.Tests.Auctions.|FullyQualifiedName~EcoBid.Server.Tests.Reservations.|FullyQualifiedName~EcoBid.Server.Tests.Search.|FullyQualifiedName~EcoBid.Server.Tests.SavedSearches.|FullyQualifiedName~EcoBid.Server.Tests.Items.|FullyQualifiedName~EcoBid.Server.Tests.Handlers.|FullyQualifiedName~EcoBid.Server.Tests.Workflows.|FullyQualifiedName~EcoBid.Server.Tests.Disputes." 2>&1 | tee -a "$log"
  [ "${PIPESTATUS[0]}" -eq 0 ] || status=1
fi
set -e

# One closing line for the whole run, summed over the test assemblies.
awk '
  /(Passed|Failed)! +- +Failed:/ {
    gsub(/,/, ""); for (i = 1; i <= NF; i++) {
      if ($i == "Failed:") failed += $(i + 1)
      if ($i == "Passed:") passed += $(i + 1)
      if ($i == "Skipped:") skipped += $(i + 1)
    }
    assemblies++
  }
  END {
    if (assemblies == 0) { print "no test assembly reported results"; exit 1 }
    printf "tests: %d passed, %d failed, %d skipped\n", passed, failed, skipped
  }' "$log" || status=1
exit "$status"
