#!/usr/bin/env bash
# Installs what the test suite needs on a Debian machine where we are root; checks it on any other.
set -euo pipefail

if ! command -v dotnet >/dev/null 2>&1; then
  echo "The .NET 10 SDK is required (dotnet on PATH); see global.json for the version." >&2
  exit 1
fi

# Debian packages the tests use. Each is installed only when missing.
# Chromium (with a font) is the browser the web client's Playwright tests drive; Playwright's own browser download is
# never used. PostgreSQL (with PostGIS) and RabbitMQ are the scale-out adapters' servers, which
# scripts/test-services.sh starts; curl talks to RabbitMQ's management API there.
packages=(chromium fonts-dejavu-core postgresql postgresql-contrib postgresql-15-postgis-3 rabbitmq-server curl)
missing=()
for package in "${packages[@]}"; do
  dpkg -s "$package" >/dev/null 2>&1 || missing+=("$package")
done
# The /aws protocol tests drive the AWS CLI and boto3. A machine may have them from pip already (any `aws` on PATH,
# a python3 that imports boto3); only when it has not do Debian's packages come in.
command -v aws >/dev/null 2>&1 || missing+=(awscli)
python3 -c 'import boto3' >/dev/null 2>&1 || missing+=(python3-boto3)
if [ ${#missing[@]} -gt 0 ]; then
  if [ "$(id -u)" -ne 0 ]; then
    echo "Missing Debian packages: ${missing[*]} (run as root, or install them)." >&2
    exit 1
  fi
  echo "Installing ${missing[*]}"
  apt-get update -qq
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${missing[@]}" >/dev/null
fi
