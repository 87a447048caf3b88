#!/usr/bin/env bash
# Builds and pushes the benchmark images: bench-small-{a,b} are the example app; bench-big-{a,b} add a layer of
# 200 MB of random bytes each (incompressible, and different in a and b, so no layer is shared between them).
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"

work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
# A throw-away client config, so no registry login stays behind in ~/.docker.
export DOCKER_CONFIG="$work/docker-config"
mkdir -m 700 "$DOCKER_CONFIG"
printf '%s\n' "$HARBOR_PASSWORD" \
  | docker login --username "$HARBOR_USERNAME" --password-stdin "$HARBOR_HOST" >/dev/null 2>&1 \
  || die "docker login $HARBOR_HOST failed"

build_and_push() {
  local tag="$1" context="$2"
  docker build --quiet --build-arg "IMAGE_TAG=$tag" -t "$REPOSITORY:$tag" "$context" >/dev/null 2>"$work/build.err" \
    || { cat "$work/build.err" >&2; die "docker build $tag failed"; }
  docker push "$REPOSITORY:$tag" >/dev/null || die "docker push $tag failed"
}

for variant in a b; do
  build_and_push "bench-small-$variant" "$REPO_ROOT/example-app"

  context="$work/big-$variant"
  cp -r "$REPO_ROOT/example-app" "$context"
  head -c 200M /dev/urandom >"$context/blob"
  printf 'COPY blob /blob\n' >>"$context/Dockerfile"
  build_and_push "bench-big-$variant" "$context"
  rm -rf "$context"
done
