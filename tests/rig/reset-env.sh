#!/usr/bin/env bash
# Puts one environment back to a known state: a hand-written-looking docker-compose.yml with the
# web service on localhost:5443/infosync/infosync:<tag> and an unrelated sidecar, both running,
# and nothing else in the deploy directory. The third argument picks the server's kind: v2 (the default) starts the
# stack with `docker compose` as deployer, v1 with `docker-compose` as deployer-v1, and the directory is theirs.
# A fourth argument, rolling (v2 only), writes the rolling strategy's layout instead: web without a host port,
# draining on SIGTERM, behind an HAProxy that publishes the web port (example-app/docker-compose.rolling.yml).
set -Eeuo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"
source "$(dirname "${BASH_SOURCE[0]}")/compose-files.sh"

(($# >= 2 && $# <= 4)) || die "usage: reset-env.sh <dev|pilot|stage> <tag> [v2|v1] [rolling]"
env="$1" tag="$2" kind="${3:-v2}" layout="${4:-direct}"
[[ "$kind" =~ ^v[12]$ ]] || die "unknown Compose kind: $kind (v2 or v1)"
[[ "$layout" =~ ^(direct|rolling)$ ]] || die "unknown layout: $layout (only rolling may be given)"
[[ "$layout" == direct || "$kind" == v2 ]] || die "the rolling layout needs Compose v2: the rolling strategy refuses v1"
[[ "$env" =~ ^(dev|pilot|stage)$ ]] || die "unknown environment: $env (dev, pilot or stage)"
valid_tag "$tag" || die "not a valid image tag: $tag"
require_root
load_rig_env

E="${env^^}"
dir_var="RIG_DEPLOY_DIR_$E" web_var="RIG_WEB_PORT_$E" sidecar_var="RIG_SIDECAR_PORT_$E"
dir="${!dir_var}" web_port="${!web_var}" sidecar_port="${!sidecar_var}"
image="$HARBOR_HOST/$HARBOR_PROJECT/$IMAGE_NAME:$tag"
# Compose's default project name: the directory's name, lower-cased, [-_a-z0-9] kept (the same in v1 and v2 here).
project="$(basename "$dir" | tr '[:upper:]' '[:lower:]' | tr -cd -- '-_a-z0-9')"
if [[ "$kind" == v1 ]]; then user="$RIG_SSH_USERNAME_V1" compose=(docker-compose); else user="$SSH_USERNAME" compose=(docker compose); fi
home="$(getent passwd "$user" | cut -d: -f6)"

code="$(curl -sS -o /dev/null -w '%{http_code}' -K "$RIG_REGISTRY_CURL_CONFIG" \
  -H 'Accept: application/vnd.docker.distribution.manifest.v2+json' \
  "https://$HARBOR_HOST/v2/$HARBOR_PROJECT/$IMAGE_NAME/manifests/$tag")" || true
[[ "$code" == 200 ]] || die "$image is not in the registry (HTTP $code): run tests/rig/publish-app.sh $tag first"

[[ "$layout" == direct ]] || "$RIG_SCRIPT_DIR/proxy.sh"

# Pulled by the rig's own login, so that deployer needs none to start the stack.
registry_login
quietly "docker pull $image" rig_docker pull "$image"

# By label rather than `docker-compose down`: a test may have left the compose file broken, or named the project
# otherwise (COMPOSE_PROJECT_NAME, name:), so the directory's containers go as well as the project's.
mapfile -t containers < <({ docker ps -aq --filter "label=com.docker.compose.project=$project"
  docker ps -aq --filter "label=com.docker.compose.project.working_dir=$dir"; } | sort -u)
if ((${#containers[@]} > 0)); then
  quietly "removing the $project containers" docker rm -f "${containers[@]}"
fi

install -d -m 755 -o "$user" -g "$user" "$dir"
chown "$user:$user" "$dir"
find "$dir" -mindepth 1 -delete
if [[ "$layout" == rolling ]]; then
  rolling_compose "$env" "$image" "$web_port" "$sidecar_port" >"$dir/docker-compose.yml"
  install -m 644 -o "$user" -g "$user" "$RIG_REPO_ROOT/example-app/haproxy.cfg" "$dir/haproxy.cfg"
else
  direct_compose "$env" "$image" "$web_port" "$sidecar_port" >"$dir/docker-compose.yml"
fi
chown "$user:$user" "$dir/docker-compose.yml"
chmod 644 "$dir/docker-compose.yml"

quietly "${compose[*]} up -d in $dir (as $user)" runuser -u "$user" -- \
  env -i -C "$dir" PATH=/usr/local/bin:/usr/bin:/bin HOME="$home" USER="$user" "${compose[@]}" up -d

serves() { curl -fsS --max-time 2 "http://127.0.0.1:$1/" | grep -qF -- "$2"; }
wait_for 30 serves "$web_port" "infosync $tag" || die "web does not serve 'infosync $tag' on 127.0.0.1:$web_port"
wait_for 30 serves "$sidecar_port" sidecar || die "sidecar does not answer on 127.0.0.1:$sidecar_port"
