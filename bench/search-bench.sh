#!/usr/bin/env bash
# Search benchmark on the synthetic corpus of ../shared/bench/gen-corpus.py (default 10,000 articles):
# build time of the search stage (with a 1 GB heap), bytes of the index on disk, size of the client
# script, and bytes a browser downloads for a first query (median and worst of a fixed query list,
# measured in Chromium). A benchmark, not a test: quote ratios from one run, the machines are noisy.
# Usage: bench/search-bench.sh [N]      (from the project root; needs what .ci/run installs)
set -euo pipefail
N=${1:-10000}
ROOT=$(cd "$(dirname "$0")/.." && pwd)
GEN=${GEN_CORPUS:-$ROOT/../shared/bench/gen-corpus.py}
WORK=$(mktemp -d)
trap 'rm -rf "$WORK"' EXIT
cd "$ROOT"
[ -f target/casebook.jar ] || mvn -q -B -DskipTests package
python3 "$GEN" "$WORK/corpus" "$N" >/dev/null
# gen-corpus writes different random tags and products into the two files of an article, which
# Casebook reports as a front-matter conflict; keep them in the English file only.
find "$WORK/corpus/content" -name 'index.zh.md' -exec sed -i '/^tags: /d; /^products: /d' {} +

echo "== build ($N articles x 2 languages, -Xmx1g)"
/usr/bin/time -f "wall %e s, peak RSS %M KB" java -Xmx1g -jar target/casebook.jar build \
  --site "$WORK/corpus" --out "$WORK/site" --timings 2>&1 | tail -3

echo "== index on disk"
IDX=$(ls -d "$WORK"/site/search/*/)
echo "shards $(find "$IDX/t" -type f | wc -l), fragment blocks $(find "$IDX/f" -type f | wc -l), manifest $(wc -c < "$IDX/manifest.json") bytes ($(gzip -9 < "$IDX/manifest.json" | wc -c) gzip)"
echo "total $(du -sb "$IDX" | cut -f1) bytes on disk ($(du -sh "$IDX" | cut -f1))"
echo "client search.js: $(wc -c < "$WORK/site/search/search.js") bytes, $(gzip -9 < "$WORK/site/search/search.js" | wc -c) gzip"

echo "== first-query download in Chromium (cold cache, text gzipped by the server)"
mvn -q -B dependency:build-classpath -Dmdep.outputFile="$WORK/cp.txt" -Dmdep.includeScope=test >/dev/null
mvn -q -B test-compile >/dev/null
java -cp "target/test-classes:target/classes:$(cat "$WORK/cp.txt")" dev.casebook.search.SearchDownloadBenchmark "$WORK/site"
