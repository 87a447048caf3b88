#!/usr/bin/env bash
# Builds the local image infosync-proxy:haproxy from Debian 12's haproxy package, for the rolling layout: no public
# image registry is reachable, so the binary and the libraries it links are copied onto the busybox base image.
# Idempotent: the image carries a hash of everything copied into it, and an image with that hash is not rebuilt.
set -Eeuo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"

PROXY_IMAGE=infosync-proxy:haproxy
BASE_IMAGE=infosync-base:busybox
HASH_LABEL=infosync.rig.proxy.inputs
# haproxy and the libraries it needs that the host does not have: the host gives the rest (libc, libssl...), and
# the ldd check below fails when this list misses one.
PACKAGES=(haproxy liblua5.3-0 libopentracing-c-wrapper0 libopentracing1)
DEB_DIR="$RIG_DIR/proxy/debs"

require_root
command -v dpkg >/dev/null || die "dpkg not found: the proxy image is built from Debian packages"
docker image inspect "$BASE_IMAGE" >/dev/null 2>&1 || die "$BASE_IMAGE not found: run tests/rig/up.sh first"

cached() { compgen -G "$DEB_DIR/${1}_*.deb" >/dev/null; }

download_debs() {
  local missing=() p
  for p in "${PACKAGES[@]}"; do cached "$p" || missing+=("$p"); done
  ((${#missing[@]} == 0)) && return
  mkdir -p "$DEB_DIR"
  # apt-get download leaves a file behind on failure only as *.deb.FAILED or partial: download aside, then move.
  local tmp
  tmp="$(mktemp -d "$DEB_DIR/.download.XXXXXX")"
  chmod 755 "$tmp"
  (cd "$tmp" && quietly "apt-get download ${missing[*]}" apt-get download -q "${missing[@]}")
  mv "$tmp"/*.deb "$DEB_DIR/"
  rm -rf "$tmp"
  for p in "${missing[@]}"; do cached "$p" || die "apt-get download $p left no .deb in $DEB_DIR"; done
}

# The context: rootfs/ with the binary, every library ldd resolves (at the loader's default paths) and the loader.
make_context() {
  local ctx="$1" deb root="$1/unpacked" libs="" line name path
  mkdir -p "$root" "$ctx/rootfs/usr/sbin" "$ctx/rootfs/lib/x86_64-linux-gnu" "$ctx/rootfs/lib64" \
    "$ctx/rootfs/usr/local/etc/haproxy"
  for deb in "$DEB_DIR"/*.deb; do dpkg -x "$deb" "$root"; done
  for path in "$root"/usr/lib/x86_64-linux-gnu "$root"/lib/x86_64-linux-gnu; do
    [[ -d "$path" ]] && libs+="${libs:+:}$path"
  done
  cp "$root/usr/sbin/haproxy" "$ctx/rootfs/usr/sbin/haproxy"
  local ldd_out
  ldd_out="$(LD_LIBRARY_PATH="$libs" ldd "$root/usr/sbin/haproxy")" || die "ldd failed on the packaged haproxy"
  ! grep -q 'not found' <<<"$ldd_out" \
    || die "haproxy needs libraries neither the host nor PACKAGES give: $(grep 'not found' <<<"$ldd_out" | tr -s ' \t\n' ' ')"
  while read -r line; do
    if [[ "$line" =~ ^([^[:space:]]+)\ =\>\ (/[^[:space:]]+) ]]; then
      name="${BASH_REMATCH[1]}" path="${BASH_REMATCH[2]}"
      cp -L "$path" "$ctx/rootfs/lib/x86_64-linux-gnu/$name"
    elif [[ "$line" =~ ^(/[^[:space:]]+/(ld-linux[^[:space:]]*)) ]]; then
      cp -L "${BASH_REMATCH[1]}" "$ctx/rootfs/lib64/${BASH_REMATCH[2]}"
    fi
  done <<<"$ldd_out"
  compgen -G "$ctx/rootfs/lib64/ld-linux*" >/dev/null || die "ldd named no dynamic loader for haproxy"
  rm -rf "$root"
  cat >"$ctx/Dockerfile" <<DOCKERFILE
FROM $BASE_IMAGE
COPY rootfs/ /
# -db keeps the master in the foreground as PID 1; SIGTERM stops master and worker at once.
STOPSIGNAL SIGTERM
ENTRYPOINT ["/usr/sbin/haproxy", "-W", "-db", "-f", "/usr/local/etc/haproxy/haproxy.cfg"]
DOCKERFILE
}

# Names, modes and contents of every file in the context, and the base image's id.
inputs_hash() {
  { docker image inspect --format '{{.Id}}' "$BASE_IMAGE"
    (cd "$1" && find . -type f -printf '%P %m\n' | LC_ALL=C sort && find . -type f -print0 | LC_ALL=C sort -z | xargs -0 sha256sum)
  } | sha256sum | cut -c1-32
}

download_debs
ctx="$(mktemp -d)"
trap 'rm -rf "$ctx"' EXIT
make_context "$ctx"
hash="$(inputs_hash "$ctx")"
[[ -n "$(docker images -q --filter "label=$HASH_LABEL=$hash" "$PROXY_IMAGE")" ]] && exit 0
quietly "docker build $PROXY_IMAGE" docker build --label "$HASH_LABEL=$hash" -t "$PROXY_IMAGE" "$ctx"
quietly "$PROXY_IMAGE runs haproxy" docker run --rm --entrypoint /usr/sbin/haproxy "$PROXY_IMAGE" -v
