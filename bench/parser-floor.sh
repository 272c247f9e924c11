#!/usr/bin/env bash
# The floor that flexmark sets under a build: bench/ParserFloor.java parses and renders every
# article body of a generated corpus, and nothing else, in a fresh JVM with the options the
# launcher would choose for that corpus (C1 alone up to 4,000 Markdown files). Compare its wall
# time with Hugo's whole build of the same corpus (../shared/bench/compare-hugo.sh N).
# Usage: bench/parser-floor.sh N           (after mvn package; CORPUS_ARGS=--long for chapters)
set -euo pipefail
ROOT=$(cd "$(dirname "$0")/.." && pwd)
N=${1:-1000}
WORK=${WORK:-$(mktemp -d)}
CORPUS="$WORK/corpus-$N${CORPUS_ARGS:+-long}"
[ -d "$CORPUS/content" ] || python3 "$ROOT/../shared/bench/gen-corpus.py" "$CORPUS" "$N" ${CORPUS_ARGS:-} >/dev/null
javac -nowarn -cp "$ROOT/target/casebook.jar" -d "$WORK/floor" "$ROOT/bench/ParserFloor.java" 2>/dev/null
if [ $((N * 2)) -le 4000 ]; then OPTS="-XX:TieredStopAtLevel=1 -XX:+UseSerialGC -Xmn160m"; else OPTS="-XX:+UseSerialGC -Xmn96m"; fi
/usr/bin/time -f "process: wall %e s, CPU %U s user + %S s system, peak %M KB" \
  java $OPTS -cp "$ROOT/target/casebook.jar:$WORK/floor" ParserFloor "$CORPUS"
