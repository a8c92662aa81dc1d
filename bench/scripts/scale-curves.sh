#!/usr/bin/env bash
# Scale curves (issue 12 item 4): time and peak memory of the nightly theme re-cluster
# (bench ThemeScale: fold into the bounded sample, re-cluster, assign every item) and of digest
# composition (bench DigestScale: DigestCalculator over one week of N items plus eight weeks of
# history summaries) at each size, EACH SIZE IN A FRESH JVM with the same -Xmx, then one table.
#
#   bench/scripts/scale-curves.sh [--sizes 10000,100000,1000000] [--curves themes,digest]
#                                 [--theme-xmx 1g] [--digest-xmx 4g]
# SKIP_BUILD=1 reuses the last build. JAVA_OPTS is added to every JVM.
# Columns: seconds = the measured phase (re-cluster: fold + cluster + assign, vector generation
# excluded; digest: compose), s/100k = seconds per 100,000 items (flat = linear growth), peak heap =
# heap pools' peak during the phase, retained = heap after a full GC (digest: the loaded week),
# VmHWM = the process's peak resident set.
set -euo pipefail
ROOT="$(cd "$(dirname "$0")/../.." && pwd)"
cd "$ROOT"
SIZES="10000,100000,1000000"
CURVES="themes,digest"
THEME_XMX="1g"
DIGEST_XMX="4g"
while [[ $# -gt 0 ]]; do
  case "$1" in
    --sizes) SIZES="$2"; shift 2 ;;
    --curves) CURVES="$2"; shift 2 ;;
    --theme-xmx) THEME_XMX="$2"; shift 2 ;;
    --digest-xmx) DIGEST_XMX="$2"; shift 2 ;;
    *) echo "unknown option $1" >&2; exit 2 ;;
  esac
done
if [[ "${SKIP_BUILD:-0}" != 1 ]]; then
  mvn -B -q -pl bench -am package -DskipTests
fi
CP="bench/target/classes:$(cat bench/target/bench.classpath)"
OUT="$(mktemp)"
RUNLOG="$(mktemp)"
trap 'rm -f "$OUT" "$RUNLOG"' EXIT
echo "machine: $(nproc) cores, $(uname -sr), $(java -version 2>&1 | head -1); commit $(git rev-parse --short HEAD)$(git diff --quiet || echo '+dirty')"
echo "start: $(date -u +%FT%TZ) load $(cut -d' ' -f1-3 /proc/loadavg)"
IFS=, read -ra sizes <<< "$SIZES"
IFS=, read -ra curves <<< "$CURVES"
for curve in "${curves[@]}"; do
  for n in "${sizes[@]}"; do
    case "$curve" in
      themes) main=dev.listeningpost.bench.themes.ThemeScale; xmx="$THEME_XMX" ;;
      digest) main=dev.listeningpost.bench.digest.DigestScale; xmx="$DIGEST_XMX" ;;
      *) echo "unknown curve $curve" >&2; exit 2 ;;
    esac
    before="$(cut -d' ' -f1-3 /proc/loadavg)"
    # shellcheck disable=SC2086
    # The run's output goes to stderr as it comes (tee to a pipe, not to /dev/stderr, which would
    # reopen and truncate a redirected log) and to RUNLOG, where the RESULT line is picked up.
    java -Xmx"$xmx" ${JAVA_OPTS:-} -Dorg.slf4j.simpleLogger.defaultLogLevel=warn -cp "$CP" "$main" "$n" \
      | tee "$RUNLOG" >&2
    result="$(grep '^RESULT' "$RUNLOG")"
    after="$(cut -d' ' -f1-3 /proc/loadavg)"
    echo "$result xmx=$xmx load=${before// //}->${after// //}" >> "$OUT"
  done
done
echo "end: $(date -u +%FT%TZ) load $(cut -d' ' -f1-3 /proc/loadavg)"
echo
python3 - "$OUT" <<'PY'
import sys
rows = [dict(kv.split("=", 1) for kv in line.split()[1:]) for line in open(sys.argv[1]) if line.strip()]
print("| curve | items | seconds | s per 100k | peak heap MB | retained MB | VmHWM MB | -Xmx | load before->after |")
print("|---|---:|---:|---:|---:|---:|---:|---:|---|")
for r in rows:
    n, s = int(r["items"]), float(r["seconds"])
    print(f"| {r['curve']} | {n:,} | {s:.2f} | {s / n * 1e5:.2f} | {r['peakHeapMB']} | {r['retainedHeapMB']} | "
          f"{r['vmHwmMB']} | {r['xmx']} | {r['load'].replace('/', ' ')} |")
PY
