#!/usr/bin/env bash
# The benchmarks' own environment, shaped like the rig's (tests/rig/reset-env.sh) but on its own directory and
# ports: `environment.sh up <tag>` (re)creates it serving <tag>, `environment.sh down` removes it.
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"

project="$(basename "$BENCH_DIR")"

remove_containers() {
  local containers
  mapfile -t containers < <(docker ps -aq --filter "label=com.docker.compose.project=$project")
  if ((${#containers[@]} > 0)); then docker rm -f "${containers[@]}" >/dev/null; fi
  docker network rm "${project}_default" >/dev/null 2>&1 || true
}

case "${1:-}" in
  up)
    [[ $# == 2 ]] || die "usage: environment.sh up <tag>"
    tag="$2"
    remove_containers
    install -d -m 755 -o "$SSH_USERNAME" -g "$SSH_USERNAME" "$BENCH_DIR"
    find "$BENCH_DIR" -mindepth 1 -delete
    cat >"$BENCH_DIR/docker-compose.yml" <<YAML
# infosync - bench
#
# Maintained by hand on this host. Deployments change only the web image tag.
version: "3.8"

services:
  web:
    image: $REPOSITORY:$tag
    ports:
      - "127.0.0.1:$WEB_PORT:8080"
    restart: unless-stopped

  sidecar:
    image: infosync-base:busybox
    command: ["sh", "-c", "trap 'exit 0' TERM; mkdir -p /srv; echo sidecar > /srv/index.html; httpd -f -p 8080 -h /srv & wait"]
    ports:
      - "127.0.0.1:$SIDECAR_PORT:8080"
    restart: unless-stopped
YAML
    chown "$SSH_USERNAME:$SSH_USERNAME" "$BENCH_DIR/docker-compose.yml"
    ssh_deployer "cd $BENCH_DIR && docker compose up -d" >/dev/null 2>&1 \
      || die "docker compose up in $BENCH_DIR failed"
    wait_for 30 serves "$tag" || die "web does not serve $tag on 127.0.0.1:$WEB_PORT"
    ;;
  down)
    remove_containers
    rm -rf "$BENCH_DIR"
    ;;
  *) die "usage: environment.sh up <tag> | down" ;;
esac
