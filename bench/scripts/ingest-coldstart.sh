#!/usr/bin/env bash
# Ingest cold start the way Lambda runs it: AWS's runtime interface client in a fresh JVM against a local
# Runtime API emulator, spawn -> first response, for the Micronaut IngestHandler and a plain RequestHandler
# doing the same work, with dynoxide (HTTP, a child process) as storage. Figures: docs/performance/ingest.md.
#
#   bench/scripts/ingest-coldstart.sh [--runs 10] [--warmup 1] [--variants micronaut,plain,...]
#                                     [--java /path/to/bin/java] [--jvm "-Xmx512m ..."]
# Variants: micronaut | plain | floor, with options joined by '+': c1, serial, lambda, nodeduce
# (see ColdStart.java). SKIP_BUILD=1 reuses the last build. Per-run function output: bench/target/coldstart/*.log
set -euo pipefail
ROOT="$(cd "$(dirname "$0")/../.." && pwd)"
cd "$ROOT"
if [[ "${SKIP_BUILD:-0}" != 1 ]]; then
  mvn -B -q -pl bench -am package -DskipTests
fi
echo "machine: $(nproc) cores, $(uname -sr); load: $(cut -d' ' -f1-3 /proc/loadavg)"
exec java -cp "bench/target/classes:$(cat bench/target/bench.classpath)" \
  dev.listeningpost.bench.ingest.ColdStart "$@" 2> >(grep -v -e ' INFO ' -e '^\[main\] INFO' >&2)
