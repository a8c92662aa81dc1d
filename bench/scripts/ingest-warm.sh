#!/usr/bin/env bash
# Ingest warm latency: 100,000 IngestHandler.handleRequest(event, context) calls in one JVM per scenario
# (unsigned 401, url_verification handshake, redelivery of a stored message), median/p99/p99.9 and the
# median of each 10,000-call block to show drift. Storage: dynoxide over HTTP (a child process, in memory).
# For scenarios that store, each invocation is split into the storage round trip (time inside the
# function's DynamoDbClient, timed by the bench-only StorageTiming bean) and the handler overhead (the
# rest), with the overhead's CPU time and the invocations a GC ran during (issue 12: p99 overhead < 1 ms).
#   bench/scripts/ingest-warm.sh --scenarios new-message,redelivery      # the issue 12 run
#
#   bench/scripts/ingest-warm.sh [--invocations 100000] [--block 10000] [--handler micronaut|plain]
#                                [--scenarios unsigned,handshake,redelivery,new-message]
# JAVA_OPTS is passed to the JVM, e.g. JAVA_OPTS=-Dlambda.register-context=true restores Micronaut's
# per-call Context registration (the drift the ingest function avoids; use --invocations 20000 with it).
# SKIP_BUILD=1 reuses the last build.
set -euo pipefail
ROOT="$(cd "$(dirname "$0")/../.." && pwd)"
cd "$ROOT"
if [[ "${SKIP_BUILD:-0}" != 1 ]]; then
  mvn -B -q -pl bench -am package -DskipTests
fi
echo "machine: $(nproc) cores, $(uname -sr); load: $(cut -d' ' -f1-3 /proc/loadavg)"
export SLACK_SIGNING_SECRET="${SLACK_SIGNING_SECRET:-bench-signing-secret}"
# slf4j-simple: the 401s are logged at INFO by design; keep the benchmark's output to the figures.
exec java ${JAVA_OPTS:-} -Dorg.slf4j.simpleLogger.defaultLogLevel=warn \
  -cp "bench/target/classes:$(cat bench/target/bench.classpath)" dev.listeningpost.bench.ingest.WarmLatency "$@"
