# Shared by scripts/setup, scripts/test and scripts/develop: where the environment lives and how to
# run a command inside it. Sourced, not executed.
# shellcheck shell=bash

REPO="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
CACHE_DIR="${BLINK_HEALTH_CACHE:-${XDG_CACHE_HOME:-$HOME/.cache}/blink-health}"
# Bump ENV_LAYOUT when scripts/setup changes what it builds; the requirements' hash does the rest.
ENV_LAYOUT="3"

# BLINK_HEALTH_HA selects an environment with another Home Assistant, built beside the default one
# (GitHub CI's jobs for the newest Home Assistant use it):
#   newest           the newest Home Assistant release, without the test harness (which pins its
#                    own Home Assistant): for scripts/develop
#   newest-harness   the newest pytest-homeassistant-custom-component and the Home Assistant it pins
#   2026.11.0, ...   that Home Assistant release, without the test harness
# Unset: requirements_test.txt as it is. The packages Home Assistant pins (the frontend, blinkpy,
# the base integrations' libraries) follow the Home Assistant installed (scripts/_requirements.py).
newest_release() {
  # Any Python's pip can list the releases; --ignore-requires-python keeps the host's Python
  # version out of the answer (a release needing a newer Python then fails to install, loudly).
  python3 -m pip index versions --ignore-requires-python "$1" 2>/dev/null |
    sed -n '1s/^[^ ]* (\(.*\))$/\1/p'
}
case "${BLINK_HEALTH_HA:-}" in
  "") BASE_REQUIREMENT="" ;;
  newest) BASE_REQUIREMENT="homeassistant==$(newest_release homeassistant)" ;;
  newest-harness)
    BASE_REQUIREMENT="pytest-homeassistant-custom-component==$(newest_release pytest-homeassistant-custom-component)"
    ;;
  *) BASE_REQUIREMENT="homeassistant==$BLINK_HEALTH_HA" ;;
esac
case "$BASE_REQUIREMENT" in
  *==) echo "BLINK_HEALTH_HA=$BLINK_HEALTH_HA: could not ask PyPI (python3 -m pip index) for the newest release" >&2
    return 1 ;;
esac
REQ_HASH="$({
  echo "layout $ENV_LAYOUT"
  [ -z "$BASE_REQUIREMENT" ] || echo "base $BASE_REQUIREMENT"
  cat "$REPO/requirements_test.txt"
} | sha256sum | cut -c1-16)"
SID_ROOT="$CACHE_DIR/sid-$REQ_HASH"
NATIVE_VENV="$CACHE_DIR/venv-$REQ_HASH"
CHROOT_VENV="/opt/blink-health-venv"

# A python3.14 on PATH at 3.14.2 or newer, or nothing.
native_python() {
  local candidate
  for candidate in python3.14 python3; do
    if command -v "$candidate" >/dev/null 2>&1 &&
      "$candidate" -c 'import sys; sys.exit(0 if sys.version_info >= (3, 14, 2) else 1)' 2>/dev/null; then
      command -v "$candidate"
      return 0
    fi
  done
  return 1
}

# Which environment is ready: "native", "chroot", or "" when none is.
env_kind() {
  if [ -f "$NATIVE_VENV/.complete" ]; then
    echo native
  elif [ -f "$SID_ROOT/.complete" ]; then
    echo chroot
  fi
}

# Run a command with the environment's venv first on PATH, from the repository root.
# In the chroot case the repository is bound at the same absolute path inside, so paths agree.
run_in_env() {
  local kind
  kind="$(env_kind)"
  case "$kind" in
    native)
      (cd "$REPO" && PATH="$NATIVE_VENV/bin:$PATH" VIRTUAL_ENV="$NATIVE_VENV" "$@")
      ;;
    chroot)
      local quoted
      quoted="$(printf '%q ' "$@")"
      mkdir -p "$SID_ROOT$REPO"
      unshare -m --propagation private sh -c '
        set -e
        root="$1"; repo="$2"; shift 2
        mount -t proc proc "$root/proc"
        mount --rbind /dev "$root/dev"
        mount --bind "$repo" "$root$repo"
        cp /etc/resolv.conf "$root/etc/resolv.conf" 2>/dev/null || true
        exec chroot "$root" /usr/bin/env -i \
          HOME=/root LANG=C.UTF-8 TERM="${TERM:-dumb}" CI="${CI:-}" \
          PATH="'"$CHROOT_VENV"'/bin:/usr/local/bin:/usr/bin:/bin" \
          VIRTUAL_ENV="'"$CHROOT_VENV"'" \
          BLINK_HEALTH_ENV=chroot \
          sh -c "cd \"$repo\" && exec $*"
      ' sh "$SID_ROOT" "$REPO" "$quoted"
      ;;
    *)
      echo "No environment yet: run scripts/setup." >&2
      return 1
      ;;
  esac
}
