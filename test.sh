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

# The server suite once more with every app on PostgreSQL (a schema each, emptied and reused between apps): the
# marketplace's races (reservations: one winner per item; auctions: bids that strictly rise, grouped under the item's
# lock), every feature's SQL in PostgreSQL's dialect, and the workflows and disputes, whose concurrent advances take
# turns on row locks only PostgreSQL has. The ScaleOut classes and the scale-out fault tests choose their backends
# themselves (PostgreSQL and RabbitMQ, in processes of their own), so they ran above already and are not repeated.
# Skipped when arguments narrow the run.
if [ "$#" -eq 0 ]; then
  ECOBID_TEST_STORAGE=postgres dotnet test tests/EcoBid.Server.Tests/EcoBid.Server.Tests.csproj -c Release --no-build --nologo \
    --filter "FullyQualifiedName!~EcoBid.Server.Tests.ScaleOut.&FullyQualifiedName!~EcoBid.Server.Tests.Crash.ScaleOutFaultTests" 2>&1 | tee -a "$log"
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
