#!/usr/bin/env bash
# Runs every test: brings up the test rig (a real Docker engine, a TLS registry with password auth standing in
# for Harbor, an sshd with a password user standing in for the servers), then the whole xunit suite.
# Needs root (the rig installs Debian packages and starts daemons) and the .NET 10 SDK.
set -euo pipefail

root="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
if [ "$(id -u)" != 0 ]; then
  echo "test.sh: the rig installs packages and starts dockerd, a registry and sshd; run it as root." >&2
  exit 1
fi

"$root/tests/rig/up.sh"
# gitlab-ci-local, pinned, for the pipeline test.
npm ci --prefix "$root/tests/gitlab-ci" --no-audit --no-fund --loglevel=error

# CI shows only the end of a long log, so a failure is repeated after the summary.
log="$(mktemp)"
# The jump-host tests' namespace and sshds go when their tests end; this catches a run that was killed.
trap 'rm -f "$log"; "$root/tests/rig/jump-down.sh" || true' EXIT
status=0
dotnet test "$root/Infosync.Deploy.slnx" --logger "console;verbosity=normal" "$@" 2>&1 | tee "$log" || status=$?
if [ "$status" != 0 ]; then
  echo
  echo "=== test.sh: what failed (repeated from above) ==="
  grep -E ': error |^  Failed ' "$log" | sort -u || true
  echo
  awk '/^  Failed /{show=1} /^  (Passed|Skipped) /{show=0} show' "$log" | cut -c1-400 | head -250
fi
exit "$status"
