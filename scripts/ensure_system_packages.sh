#!/usr/bin/env bash
# Installs the Debian packages listed in scripts/system-packages.txt that are missing.
# As root it runs apt-get; otherwise it stops and prints the exact command to run.
# Usage: bash scripts/ensure_system_packages.sh
set -euo pipefail
cd "$(dirname "$0")"

installed() {
  [[ "$(dpkg-query -W -f='${Status}' "$1" 2>/dev/null)" == "install ok installed" ]]
}

missing=()
while read -r package _; do
  [[ -z "$package" || "$package" == \#* ]] && continue
  installed "$package" || missing+=("$package")
done < system-packages.txt

[[ ${#missing[@]} -eq 0 ]] && exit 0

command="apt-get install -y --no-install-recommends ${missing[*]}"
if [[ $(id -u) -ne 0 ]]; then
  echo "Missing system packages: ${missing[*]}" >&2
  echo "Install them, then run the command again:" >&2
  echo "  sudo apt-get update && sudo $command" >&2
  exit 1
fi
echo "Installing system packages: ${missing[*]}"
export DEBIAN_FRONTEND=noninteractive
apt-get update -qq
$command
