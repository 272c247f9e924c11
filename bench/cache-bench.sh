#!/usr/bin/env bash
# The build cache (build --cache DIR) as a CI run uses it: on the synthetic corpus of
# ../shared/bench/gen-corpus.py (default 10,000 articles), a build without a cache, a first build
# that fills the cache, and a build with the cache restored after CHANGED articles were edited
# (default 10), each in a fresh output folder; wall time, peak resident memory and the stage times.
# Each kind runs RUNS times (default 2), alternating. The warm build's site is compared with
# a build of the same edited corpus without the cache: they must be the same bytes. A benchmark,
# not a test: quote figures from one run, the machines are shared and noisy.
# Usage: bench/cache-bench.sh [N] [CHANGED] [RUNS]     (from the project root)
set -euo pipefail
N=${1:-10000}
CHANGED=${2:-10}
RUNS=${3:-2}
ROOT=$(cd "$(dirname "$0")/.." && pwd)
GEN=${GEN_CORPUS:-$ROOT/../shared/bench/gen-corpus.py}
WORK=${WORK:-$(mktemp -d)}
cd "$ROOT"
[ -f target/casebook.jar ] || mvn -q -B -Dmaven.test.skip=true -Dcasebook.skipJs=true package
[ -d "$WORK/corpus/content" ] || python3 "$GEN" "$WORK/corpus" "$N" >/dev/null

build() { # NAME SITE OUT [--cache DIR]
  local name=$1 site=$2 out=$3
  shift 3
  /usr/bin/time -f "%e %M" -o "$WORK/time" java ${JAVA_OPTS:-} -jar target/casebook.jar build --site "$site" --out "$out" \
    --timings "$@" >/dev/null 2>"$WORK/log" || { cat "$WORK/log"; exit 1; }
  read -r wall rss < "$WORK/time"
  printf '%-10s %7s s %6d MiB  %s\n' "$name" "$wall" "$((rss / 1024))" "$(grep '^stages:' "$WORK/log" | sed 's/; peak.*//')"
  grep '^note: cache' "$WORK/log" | sed 's/^/           /' || true
}

for run in $(seq 1 "$RUNS"); do
  rm -rf "$WORK/edited" "$WORK/cache" "$WORK/out-"*
  build none "$WORK/corpus" "$WORK/out-none"
  build cold "$WORK/corpus" "$WORK/out-cold" --cache "$WORK/cache"
  # the CI run: the same repository with CHANGED articles edited, the cache restored
  cp -rL "$WORK/corpus" "$WORK/edited"
  find "$WORK/edited/content" -name index.en.md | sort | sed -n "1,${CHANGED}p" | while read -r f; do
    printf '\nA line added for the cache benchmark.\n' >> "$f"
  done
  build warm "$WORK/edited" "$WORK/out-warm" --cache "$WORK/cache"
done
du -sh "$WORK/cache"/* | sed 's/^/cache file: /'
build "none(ed)" "$WORK/edited" "$WORK/out-check"
diff -r "$WORK/out-warm" "$WORK/out-check" >/dev/null && echo "warm build's site: byte-identical to a build without the cache"
