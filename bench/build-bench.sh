#!/usr/bin/env bash
# Full builds of the synthetic corpus of ../shared/bench/gen-corpus.py at several sizes, to see
# how wall time and memory grow: for each size, wall time, pages per second and peak resident
# memory, plus the stage times of --timings. A benchmark, not a test: quote figures from one
# run, the machines are shared and noisy.
# Usage: bench/build-bench.sh [SIZES...]     default: 1000 10000 30000
#        CORPUS_ARGS=--long bench/build-bench.sh 200 500     book-like chapters
#        JAVA_OPTS=-Xmx2g bench/build-bench.sh 30000         options for the building JVM
set -euo pipefail
ROOT=$(cd "$(dirname "$0")/.." && pwd)
GEN=${GEN_CORPUS:-$ROOT/../shared/bench/gen-corpus.py}
WORK=${WORK:-$(mktemp -d)}
SIZES=("$@")
[ ${#SIZES[@]} -gt 0 ] || SIZES=(1000 10000 30000)
cd "$ROOT"
[ -f target/casebook.jar ] || mvn -q -B -Dmaven.test.skip=true -Dcasebook.skipJs=true package
printf '%-8s %-8s %9s %9s %10s %11s\n' articles pages wall_s pages/s peak_MiB corpus
for N in "${SIZES[@]}"; do
  CORPUS="$WORK/corpus-$N${CORPUS_ARGS:+-long}"
  [ -d "$CORPUS/content" ] || python3 "$GEN" "$CORPUS" "$N" ${CORPUS_ARGS:-} >/dev/null
  rm -rf "$WORK/site-$N"
  /usr/bin/time -f "%e %M" -o "$WORK/time" java ${JAVA_OPTS:-} -jar target/casebook.jar build --site "$CORPUS" \
    --out "$WORK/site-$N" --timings >/dev/null 2>"$WORK/log-$N" || { cat "$WORK/log-$N"; exit 1; }
  read -r wall rss < "$WORK/time"
  pages=$(sed -n 's/.* \([0-9]*\) pages (.*/\1/p' "$WORK/log-$N")
  printf '%-8s %-8s %9s %9.0f %10d %11s\n' "$N" "$pages" "$wall" "$(awk -v p="$pages" -v w="$wall" 'BEGIN { print p / w }')" "$((rss / 1024))" \
    "${CORPUS_ARGS:-short}"
  grep '^stages:' "$WORK/log-$N" | sed 's/^/         /'
done
