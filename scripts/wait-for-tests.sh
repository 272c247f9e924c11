#!/usr/bin/env bash
# In the Pages workflow: returns at once when the push changed only articles and documentation;
# otherwise waits for ci.yml's run on the same commit and fails unless it passed, so a site is
# never published from code that the tests reject.
#   BEFORE   the commit before the push (github.event.before); GH_TOKEN for the GitHub CLI
set -euo pipefail
sha="${GITHUB_SHA:?}"
if [ -n "${BEFORE:-}" ] && [ "$BEFORE" != "0000000000000000000000000000000000000000" ] \
    && git cat-file -e "$BEFORE^{commit}" 2>/dev/null; then
  code=$(git diff --name-only "$BEFORE" "$sha" | grep -vE '^(content/|docs/)|^[^/]*\.md$' || true)
else
  code="(no earlier commit to compare with)"
fi
if [ -z "$code" ]; then
  echo "only content and documentation changed: publishing without waiting for the tests"
  exit 0
fi
echo "code changed; waiting for the tests of $sha:"
echo "$code" | head -n 20
for _ in $(seq 1 120); do
  state=$(gh run list --workflow ci.yml --commit "$sha" --json status,conclusion \
    --jq 'if length == 0 then "missing" else (.[0].status + " " + (.[0].conclusion // "")) end')
  case "$state" in
    "completed success") echo "the tests passed"; exit 0 ;;
    completed*) echo "the tests did not pass ($state): not publishing"; exit 1 ;;
  esac
  sleep 30
done
echo "the tests did not finish within an hour: not publishing"
exit 1
