#!/bin/bash
# Twenty-eighth round of issue 18: the in-memory store's hammer throughput in a bench process of its own
# (no other peer in the JVM), with G1's log, for A/B of runtime classes. The figure differs from the full
# run's, where the peers take turns in one JVM: there the floor's runs let G1 grow its young generation,
# so a 1 s run of the in-memory store is hardly collected; alone, G1 keeps a young generation sized by
# the long pauses of its warm-up, and every young collection copies the sagas settled since the last.
#
#   bash bench/results/2026-12-06-round28-memory-alone.sh LABEL [RUNTIME_CLASSES]
#
# RUNTIME_CLASSES: a brokkr-runtime target/classes to put before the installed runtime (a build to
# compare); needs `mvn -B -q install -DskipTests` and the bench's test classes compiled, from the root.
# Prints sagas/s and client CPU a saga (median [min-max] of 5 runs) and the young pauses of the process.
set -euo pipefail
label=${1:?label}
alt=${2:-}
cp_file=$(mktemp)
trap 'rm -f "$cp_file"' EXIT
mvn -B -o -q dependency:build-classpath -pl brokkr-bench -Dmdep.outputFile="$cp_file" -Dmdep.includeScope=test
out=target/memory-alone-$label
mkdir -p target
java -Xms4g -Xmx4g -Xlog:gc:file=$out.gc.log -Dbrokkr.bench.forked=true \
  -cp ${alt:+$alt:}brokkr-bench/target/classes:$(cat "$cp_file") io.brokkr.bench.BenchMain \
  --peers memory --scenarios hammer-throughput --runs 5 --warmup-seconds 20 --json $out.json > $out.log 2>&1
echo "$label: $(sed 's/\x1b\[[0-9;]*m//g' $out.log | grep -E '^sagas/s|^client CPU/saga' | tr -s ' ' | tr '\n' ' ')"
awk '/Pause Young/ {gsub("ms", "", $NF); total += $NF; n++} END {printf "  young pauses: %d, %.1f s in all\n", n, total / 1000}' $out.gc.log
