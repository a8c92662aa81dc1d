#!/usr/bin/env bash
# Cold start of every function in template.yaml the way Lambda runs it: AWS's runtime interface client in a
# fresh JVM against a local Runtime API emulator, spawn -> first response, for each Micronaut handler and a
# plain RequestHandler doing the same work, interleaved, with dynoxide (HTTP, a child process) as storage and
# a loopback SES stub. Figures: docs/performance/coldstart.md.
#
#   bench/scripts/coldstart.sh [--runs 10] [--warmup 1] [--functions ingest,analyze,themes,read-api,digest,alerts,digest-read]
#                              [--variants micronaut,plain,micronaut+c1,plain+c1,micronaut+cds,plain+cds,micronaut+prime,plain+prime]
#                              [--java /path/to/bin/java] [--jvm "-Xmx512m ..."]
# Variant options joined by '+': c1, cds, prime, lambda (see coldstart/ColdStart.java). SKIP_BUILD=1 reuses the
# last build. Per-run function output: bench/target/coldstart/<function>-<variant>.log
set -euo pipefail
ROOT="$(cd "$(dirname "$0")/../.." && pwd)"
cd "$ROOT"
if [[ "${SKIP_BUILD:-0}" != 1 ]]; then
  mvn -B -q -pl bench -am package -DskipTests
fi
echo "machine: $(nproc) cores, $(uname -sr); load: $(cut -d' ' -f1-3 /proc/loadavg); commit: $(git rev-parse --short HEAD)"
exec java -cp "bench/target/classes:$(cat bench/target/bench.classpath)" \
  dev.listeningpost.bench.coldstart.ColdStart "$@" 2> >(grep -v -e ' INFO ' -e '^\[main\] INFO' >&2)
