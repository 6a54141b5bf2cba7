#!/usr/bin/env bash
# The steps of the handoff GitHub Action (action.yml), as one script that
# also runs outside GitHub (scripts/test-action runs it against a fixture).
#
# 1. Downloads the release archive for a tag,
#      https://github.com/OWNER/REPO/releases/download/TAG/handoff-VERSION-linux-x86_64.tar.gz
#    (VERSION is TAG without its leading "v"), unpacks it and puts its bin/
#    on the job's PATH.
# 2. handoff check --format github: every problem as an annotation.
# 3. On pull requests: handoff diff BASE --format markdown into the job
#    summary, then handoff diff BASE --format github --fail-on ...
#
# Exit status: on pull requests, the diff's (1 when the change introduces
# what HANDOFF_FAIL_ON names, so problems the base already had do not fail
# it); otherwise the check's (1 with errors); 2 when handoff could not run.
#
# Environment (action.yml sets them from its inputs and the github context):
#   HANDOFF_VERSION     the release tag: v1.2.3, or v1 / v1.2 for the newest
#                       v1.x.y / v1.2.y tag, or "latest" (default: latest)
#   HANDOFF_REPOSITORY  OWNER/REPO holding the releases (default: from
#                       GITHUB_ACTION_PATH, .../_actions/OWNER/REPO/REF)
#   HANDOFF_CONTENT     the content folder (default: content)
#   HANDOFF_FAIL_ON     new-errors or new-warnings (default: new-errors)
#   HANDOFF_EVENT       the event name (default: GITHUB_EVENT_NAME)
#   HANDOFF_BASE_SHA    a pull request's base commit
#   HANDOFF_ARCHIVE     a local .tar.gz to use instead of downloading (tests)
#   HANDOFF_RELEASES_URL  where OWNER/REPO/releases/... is (default:
#                       https://github.com; tests point it at a local server)
#   GITHUB_STEP_SUMMARY, GITHUB_PATH, RUNNER_TEMP as GitHub sets them
set -uo pipefail

content=${HANDOFF_CONTENT:-content}
fail_on=${HANDOFF_FAIL_ON:-new-errors}
event=${HANDOFF_EVENT:-${GITHUB_EVENT_NAME:-}}
temp=${RUNNER_TEMP:-${TMPDIR:-/tmp}}

note() { printf 'handoff-action: %s\n' "$*" >&2; }
fatal() { printf '::error title=handoff::%s\n' "$*"; exit 2; }

case "$fail_on" in new-errors|new-warnings) ;; *) fatal "fail-on must be new-errors or new-warnings, not '$fail_on'" ;; esac

# --- 1. The archive -----------------------------------------------------------
archive=${HANDOFF_ARCHIVE:-}
if [ -z "$archive" ]; then
  repository=${HANDOFF_REPOSITORY:-}
  tag=${HANDOFF_VERSION:-}
  # GitHub leaves github.action_repository and github.action_ref empty in
  # some composite-action contexts; the action's own path names both.
  if [ -n "${GITHUB_ACTION_PATH:-}" ]; then
    path_ref=$(basename "$GITHUB_ACTION_PATH")
    path_repo=$(basename "$(dirname "$(dirname "$GITHUB_ACTION_PATH")")")/$(basename "$(dirname "$GITHUB_ACTION_PATH")")
    case "$GITHUB_ACTION_PATH" in
      */_actions/*/*/*) repository=${repository:-$path_repo}; tag=${tag:-$path_ref} ;;
    esac
  fi
  [ -n "$repository" ] || fatal "no repository to download handoff from: set HANDOFF_REPOSITORY (OWNER/REPO)"
  tag=${tag:-latest}
  releases=${HANDOFF_RELEASES_URL:-https://github.com}
  # A major or minor tag (v1, v1.2) or "latest": the newest full tag under it.
  if [[ "$tag" =~ ^v?[0-9]+(\.[0-9]+)?$ || "$tag" = latest ]]; then
    prefix=""
    [ "$tag" != latest ] && prefix="${tag#v}."
    resolved=$(git ls-remote --tags --refs "$releases/$repository.git" 2>/dev/null \
      | sed -n 's|.*refs/tags/||p' | grep -E "^v?${prefix//./\\.}[0-9.]*$" | grep -E '^v?[0-9]+\.[0-9]+\.[0-9]+$' \
      | sort -V | tail -1)
    [ -n "$resolved" ] || fatal "no release tag matches '$tag' in $repository"
    note "$tag is $resolved"
    tag=$resolved
  fi
  [[ "$tag" =~ ^v?[0-9] ]] || fatal "'$tag' is not a release tag: set the action's version input (for example v1.2.3)"
  version=${tag#v}
  url="$releases/$repository/releases/download/$tag/handoff-$version-linux-x86_64.tar.gz"
  archive="$temp/handoff-$version-linux-x86_64.tar.gz"
  note "downloading $url"
  curl -fsSL --retry 3 --retry-delay 2 -o "$archive" "$url" || fatal "could not download $url"
fi
[ -f "$archive" ] || fatal "no archive at $archive"
install_dir=$(mktemp -d "$temp/handoff.XXXXXX")
tar -xzf "$archive" -C "$install_dir" || fatal "could not unpack $archive"
handoff=$(find "$install_dir" -path '*/bin/handoff' -type f | head -1)
[ -x "$handoff" ] || fatal "the archive has no bin/handoff"
[ -n "${GITHUB_PATH:-}" ] && dirname "$handoff" >> "$GITHUB_PATH"
version_line=$("$handoff" --version 2>&1) \
  || fatal "handoff does not run on this runner ($version_line): the release needs x86-64 Linux with glibc 2.36 or newer (runs-on: ubuntu-24.04)"
note "$version_line"

# --- 2. check -----------------------------------------------------------------
"$handoff" check --content "$content" --format github
check_status=$?
[ "$check_status" -ge 2 ] && exit "$check_status"

case "$event" in
  pull_request|pull_request_target) ;;
  *) exit "$check_status" ;;
esac

# --- 3. diff against the pull request's base ------------------------------------
base=${HANDOFF_BASE_SHA:-}
[ -n "$base" ] || fatal "a pull request without a base commit (HANDOFF_BASE_SHA)"
# A shallow checkout lacks the base commit: fetch it alone.
if ! git cat-file -e "$base^{commit}" 2>/dev/null; then
  note "fetching the base commit $base"
  git fetch --no-tags --depth=1 origin "$base" >&2 || fatal "could not fetch the base commit $base (check out with fetch-depth: 0)"
fi
markdown=$("$handoff" diff "$base" --content "$content" --format markdown)
diff_status=$?
[ "$diff_status" -ge 2 ] && exit "$diff_status"
if [ -n "${GITHUB_STEP_SUMMARY:-}" ]; then
  printf '%s\n' "$markdown" >> "$GITHUB_STEP_SUMMARY"
else
  printf '%s\n' "$markdown"
fi
# The problems this change introduces. check has annotated them already
# (with every other problem), so the workflow commands are switched off
# around these lines: they show in the log without doubling the annotations.
token="handoff-diff-$RANDOM$RANDOM"
echo "::stop-commands::$token"
"$handoff" diff "$base" --content "$content" --format github --fail-on "$fail_on"
diff_status=$?
echo "::$token::"
if [ "$diff_status" -eq 1 ]; then
  echo "::error title=handoff::this change introduces $( [ "$fail_on" = new-errors ] && echo errors || echo "errors or warnings") in the handbook (fail-on: $fail_on)"
fi
exit "$diff_status"
