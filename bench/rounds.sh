# One round of each comparison; run.sh calls each once per run. A round's variants run one after another, side
# by side, in an order that rotates from run to run, so that drift (other engineers' tests, caches) hits them alike.
# Sourced after lib.sh and measure.sh.
# shellcheck shell=bash

# Prints $2... one a line, rotated left by $1.
rotated() {
  local by="$1"
  shift
  local items=("$@")
  by=$((by % ${#items[@]}))
  printf '%s\n' "${items[@]:by}" "${items[@]:0:by}"
}

# Downtime: the tool and the manual order (remove, pull, create) with the big and the small image; the container's
# own stop+start (a recreate of the pulled, running image, and a plain `docker restart`); and that recreate right
# after a 200 MB pull of an image not deployed, without and with `sync` in between. Every pull downloads.
downtime_round() {
  local run="$1" variant tag
  for variant in $(rotated "$run" tool-big manual-big tool-small manual-small recreate restart \
    recreate-after-pull recreate-after-pull-sync); do
    case "$variant" in
      tool-* | manual-*) tag="$(other_tag "${variant#*-}")" && unpull "$tag" ;;
      *-after-pull*) tag="$(current_tag)" && unpull "$(other_tag big)" ;;
      *) tag="$(current_tag)" ;;
    esac
    local measure=(with_prober "down-$variant" "$run" "$tag" timed_run "down-$variant" "$run")
    case "$variant" in
      tool-*) "${measure[@]}" "${TOOL[@]}" --target=DeployDev --exclusive --image-tag="$tag" ;;
      manual-*) "${measure[@]}" "$BENCH_ROOT/handwritten.sh" remove-first "$tag" ;;
      recreate) "${measure[@]}" "${SSH_DEPLOYER[@]}" "cd $BENCH_DIR && docker compose up -d --force-recreate --no-deps web" ;;
      restart) "${measure[@]}" "${SSH_DEPLOYER[@]}" "docker restart \$(docker ps -q $WEB_FILTER)" ;;
      *-after-pull*) "${measure[@]}" "$BENCH_ROOT/handwritten.sh" "$variant" "$(other_tag big)" ;;
    esac
  done
}

# Overhead: the tool with the default health settle time and with none, against the hand-written script doing
# the same steps (sed, login, pull, up -d) over ssh; all with the small image, so the pull does not dominate.
# Then one more deploy, traced, to split the tool's time by step.
overhead_round() {
  local run="$1" variant tag
  for variant in $(rotated "$run" tool-settle3 tool-settle0 script); do
    tag="$(other_tag small)"
    unpull "$tag"
    case "$variant" in
      tool-settle3) timed_run "over-$variant" "$run" "${TOOL[@]}" --target=DeployDev --exclusive --image-tag="$tag" ;;
      tool-settle0) timed_run "over-$variant" "$run" "${TOOL[@]}" --target=DeployDev --exclusive --image-tag="$tag" \
        --health-settle=0 ;;
      script) timed_run "over-$variant" "$run" "$BENCH_ROOT/handwritten.sh" pull-first "$tag" ;;
    esac
    wait_for 30 serves "$tag" || die "over-$variant (run $run) left the app not serving $tag"
  done
  tag="$(other_tag small)"
  unpull "$tag"
  trace_deploy "$run" "$tag"
}

# Start-up: the plan of a deploy through build.sh (the built host, run directly) and through `dotnet run`, and
# through build.sh with nothing listening on the SSH port (refused at once), which leaves the host's own start.
startup_round() {
  local run="$1" variant tag
  tag="$(other_tag small)"
  for variant in $(rotated "$run" build-sh dotnet-run no-server); do
    case "$variant" in
      build-sh) timed_run "start-$variant" "$run" "${TOOL[@]}" --target=DeployDev --dry-run --image-tag="$tag" ;;
      dotnet-run) timed_run "start-$variant" "$run" "${TOOL_ENV[@]}" dotnet run --project "$REPO_ROOT/build/Build.csproj" \
        -- --target=DeployDev --dry-run --image-tag="$tag" ;;
      no-server) timed_run "start-$variant" "$run" env SSH_PORT=1 "${TOOL[@]}" --target=DeployDev --dry-run \
        --image-tag="$tag" ;;
    esac
  done
}

# What single server commands cost over one ssh login each, to show where a deploy's time goes: the login alone,
# `docker compose ps` (what each health poll ran before it asked docker ps), the same question asked of `docker ps` with Compose's labels,
# and an `up -d` that has nothing to change (Compose's fixed cost).
components_round() {
  local run="$1" variant command
  for variant in $(rotated "$run" ssh-true compose-ps docker-ps compose-up-noop); do
    case "$variant" in
      ssh-true) command=true ;;
      compose-ps) command="cd $BENCH_DIR && docker compose ps -q web" ;;
      docker-ps) command="docker ps -q $WEB_FILTER" ;;
      compose-up-noop) command="cd $BENCH_DIR && docker compose up -d --no-deps web" ;;
    esac
    timed_run "comp-$variant" "$run" "${SSH_DEPLOYER[@]}" "$command"
  done
}
