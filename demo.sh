#!/usr/bin/env bash
# The main job on the embedded default: builds the example app, pushes it to the local registry (standing in
# for Harbor) and deploys it over SSH to the local "dev" server, then shows the page it serves.
# Extra arguments go to build.sh, e.g. ./demo.sh --dry-run or ./demo.sh --verbosity=diagnostic.
set -euo pipefail

root="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
"$root/tests/rig/up.sh"
# shellcheck disable=SC1091
source "${INFOSYNC_RIG_DIR:-/var/lib/infosync-rig}/rig.env"

# The server needs something running for the deploy to replace: the first time, or after the test suite left dev
# as another kind of server (files of the v1 user), that is a published base version.
if ! curl -fsS --max-time 2 "http://127.0.0.1:$RIG_WEB_PORT_DEV/" >/dev/null 2>&1 \
  || [[ -n "$(find "$RIG_DEPLOY_DIR_DEV" ! -user "$SSH_USERNAME" -print -quit)" ]]; then
  "$root/tests/rig/publish-app.sh" demo-base
  "$root/tests/rig/reset-env.sh" dev demo-base
fi

tag="demo-$(date -u +%Y%m%d%H%M%S)"
BUILD_CONTEXT="$root/example-app" "$root/build.sh" --target=DeployDev --image-tag="$tag" "$@"
echo
echo "http://127.0.0.1:$RIG_WEB_PORT_DEV/ now answers:"
curl -fsS --max-time 2 "http://127.0.0.1:$RIG_WEB_PORT_DEV/"
