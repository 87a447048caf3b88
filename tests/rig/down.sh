#!/usr/bin/env bash
# Removes the swarm rig (swarm-down.sh), then stops what up.sh started: sshd, the registry, and dockerd if up.sh
# started it (containers stop with it). Keeps the rig directory, so the next up.sh reuses keys, certificates and
# images.
# For manual cleanup; CI does not use it.
set -Eeuo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"

require_root
"$RIG_SCRIPT_DIR/swarm-down.sh"
stop_pid sshd "$RIG_DIR/sshd.pid" 10
stop_pid docker-registry "$RIG_DIR/registry/registry.pid" 10
stop_pid dockerd "$RIG_DIR/dockerd.pid" 60
