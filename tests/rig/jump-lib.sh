# The jump-host rig's names and addresses, shared by jump-up.sh and jump-down.sh. Sourced after lib.sh.
# shellcheck shell=bash

JUMP_NETNS=infosync-jump
JUMP_NETNS_PATH="/var/run/netns/$JUMP_NETNS"
JUMP_VETH_ROOT=isjump0
JUMP_VETH_NS=isjump1
JUMP_SUBNET=10.203.77.0/30
JUMP_ADDR_ROOT=10.203.77.1
JUMP_ADDR_NS=10.203.77.2
JUMP_PORT=22
# The target listens on the namespace's own loopback: 127.0.0.1 here is a different address space.
JUMP_TARGET_ADDR=127.0.0.1
JUMP_TARGET_PORT=2322
JUMP_DIR="$RIG_DIR/jump"
