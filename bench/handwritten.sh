#!/usr/bin/env bash
# The hand-written server steps the tool is compared with, each one ssh login as deployer in the deploy directory,
# after `docker login --password-stdin` (password on stdin, as the tool does):
#   remove-first <tag>              the original manual procedure: sed the tag; remove the container, pull, create
#   pull-first <tag>                the same, pulling first while the old container serves (the tool's order)
#   recreate-after-pull <tag>       pull <tag> without deploying it, then recreate the running web container
#   recreate-after-pull-sync <tag>  the same with `sync` between the two, so the pull's writes are on disk first
# None of them takes a lock, checks health or keeps a history.
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"

[[ $# == 2 ]] || die "usage: handwritten.sh <mode> <tag>"
mode="$1" tag="$2"
[[ "$tag" =~ ^[A-Za-z0-9_][A-Za-z0-9_.-]*$ ]] || die "not a valid image tag: $tag"
edit="sed -i 's|^\( *image: $REPOSITORY:\).*|\1$tag|' docker-compose.yml"
recreate='docker compose up -d --force-recreate --no-deps web'
case "$mode" in
  remove-first) steps="$edit && docker compose rm -sf web && docker compose pull web && docker compose up -d web" ;;
  pull-first) steps="$edit && docker compose pull web && docker compose up -d web" ;;
  recreate-after-pull) steps="docker pull $REPOSITORY:$tag && $recreate" ;;
  recreate-after-pull-sync) steps="docker pull $REPOSITORY:$tag && sync && $recreate" ;;
  *) die "unknown mode: $mode" ;;
esac

printf '%s\n' "$HARBOR_PASSWORD" | ssh_deployer "set -e
cd $(printf %q "$BENCH_DIR")
docker login --username $(printf %q "$HARBOR_USERNAME") --password-stdin $HARBOR_HOST >/dev/null
$steps"
