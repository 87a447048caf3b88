# The docker-compose.yml files reset-env.sh writes, hand-written-looking. Sourced, not executed.
# Each function prints one file; $1 env, $2 image, $3 web port, $4 sidecar port.
# shellcheck shell=bash

sidecar_service() {
  cat <<YAML
  # Unrelated to infosync: its container must survive deployments untouched.
  sidecar:
    image: infosync-base:busybox
    command: ["sh", "-c", "trap 'exit 0' TERM; mkdir -p /srv; echo sidecar > /srv/index.html; httpd -f -p 8080 -h /srv & wait"]
    ports:
      - "127.0.0.1:$1:8080"
    restart: unless-stopped
YAML
}

# web publishes its port itself: the layout the stop-start strategy deploys.
direct_compose() {
  cat <<YAML
# infosync - $1
#
# Maintained by hand on this host. Deployments change only the web image tag;
# leave the sidecar alone.
version: "3.8"

services:
  web:
    image: $2
    ports:
      - "127.0.0.1:$3:8080"
    restart: unless-stopped

YAML
  sidecar_service "$4"
}

# example-app/docker-compose.rolling.yml with the rig's image and port: web has no host port and drains on SIGTERM,
# the proxy publishes the web port and finds web's containers by DNS (haproxy.cfg beside this file).
rolling_compose() {
  cat <<YAML
# infosync - $1
#
# Maintained by hand on this host. Deployments change only the web image tag;
# leave the proxy and the sidecar alone.
services:
  web:
    image: $2
    environment:
      DRAIN_LINGER: "2"
    healthcheck:
      test: ["CMD", "wget", "-q", "-O", "/dev/null", "http://127.0.0.1:8080/cgi-bin/health"]
      interval: 1s
      timeout: 3s
      retries: 3
    stop_grace_period: 30s
    restart: unless-stopped

  proxy:
    image: infosync-proxy:haproxy
    ports:
      - "127.0.0.1:$3:8080"
    volumes:
      - ./haproxy.cfg:/usr/local/etc/haproxy/haproxy.cfg:ro
    restart: unless-stopped

YAML
  sidecar_service "$4"
}
