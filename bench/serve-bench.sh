#!/usr/bin/env bash
# casebook serve on the synthetic corpus of ../shared/bench/gen-corpus.py (default 10,000
# articles): time of the first build, then the time from saving one article to the reload event
# for 20 edits (median and worst), and the serving process's peak resident memory. A benchmark,
# not a test: quote figures from one run, the machines are noisy. JAVA_OPTS sets the serving
# JVM's options (default -Xmx768m: the whole process then stays under 1 GB at 10,000 articles).
# Usage: bench/serve-bench.sh [N] [EDITS]      (from the project root)
set -euo pipefail
N=${1:-10000}
EDITS=${2:-20}
ROOT=$(cd "$(dirname "$0")/.." && pwd)
GEN=${GEN_CORPUS:-$ROOT/../shared/bench/gen-corpus.py}
WORK=${WORK:-$(mktemp -d)}
PORT=${PORT:-18313}
cd "$ROOT"
[ -f target/casebook.jar ] || mvn -q -B -Dmaven.test.skip=true -Dcasebook.skipJs=true package
[ -d "$WORK/corpus/content" ] || python3 "$GEN" "$WORK/corpus" "$N" >/dev/null
java ${JAVA_OPTS:--Xmx768m} -jar target/casebook.jar serve --site "$WORK/corpus" --port "$PORT" > "$WORK/serve.log" 2>&1 &
PID=$!
trap 'kill $PID 2>/dev/null || true' EXIT
until grep -q "casebook serve: http" "$WORK/serve.log"; do
  kill -0 $PID 2>/dev/null || { cat "$WORK/serve.log"; exit 1; }
  sleep 0.5
done
grep "casebook serve: built" "$WORK/serve.log"
sleep 30 # let the first search index finish, as a writer's first minute would
ARTICLE=$(find "$WORK/corpus/content" -name index.en.md | sort | sed -n 1p) # sed reads all: no SIGPIPE under pipefail
python3 "$ROOT/bench/serve-latency.py" "http://127.0.0.1:$PORT/__casebook/events" "$ARTICLE" "$EDITS" 2
echo "peak RSS of the serving process: $(grep VmHWM /proc/$PID/status | awk '{print $2, $3}')"
grep -c "rebuilt after" "$WORK/serve.log" | sed 's/^/rebuilds: /'
