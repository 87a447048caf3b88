#!/usr/bin/env bash
# Builds example-app with IMAGE_TAG=<tag> and pushes it as localhost:5443/infosync/infosync:<tag>.
set -Eeuo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"

(($# == 1)) || die "usage: publish-app.sh <tag>"
tag="$1"
valid_tag "$tag" || die "not a valid image tag: $tag"
load_rig_env

image="$HARBOR_HOST/$HARBOR_PROJECT/$IMAGE_NAME:$tag"
quietly "docker build $image" rig_docker build --build-arg "IMAGE_TAG=$tag" -t "$image" "$RIG_REPO_ROOT/example-app"
registry_login
quietly "docker push $image" rig_docker push "$image"
