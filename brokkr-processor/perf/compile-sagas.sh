#!/usr/bin/env bash
# Measures javac with the Brokkr processor on a generated project: 200 @Saga classes of 50 steps
# by default. Build the modules first (mvn -pl brokkr-processor -am verify); then
#   brokkr-processor/perf/compile-sagas.sh [sagas] [steps]
set -euo pipefail
sagas=${1:-200}
steps=${2:-50}
root=$(cd "$(dirname "$0")/../.." && pwd)
m2=${M2_REPO:-$HOME/.m2/repository}
libs=$m2/com/palantir/javapoet/javapoet/0.22.0/javapoet-0.22.0.jar
libs=$libs:$m2/com/fasterxml/jackson/dataformat/jackson-dataformat-yaml/2.21.3/jackson-dataformat-yaml-2.21.3.jar
libs=$libs:$m2/org/yaml/snakeyaml/2.5/snakeyaml-2.5.jar
libs=$libs:$m2/com/fasterxml/jackson/core/jackson-databind/2.21.3/jackson-databind-2.21.3.jar
libs=$libs:$m2/com/fasterxml/jackson/core/jackson-annotations/2.21/jackson-annotations-2.21.jar
libs=$libs:$m2/com/fasterxml/jackson/core/jackson-core/2.21.3/jackson-core-2.21.3.jar
libs=$libs:$m2/org/jspecify/jspecify/1.0.1/jspecify-1.0.1.jar
classes=$root/brokkr-dsl/target/classes:$root/brokkr-runtime/target/classes:$root/brokkr-processor/target/classes
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
java "$root/brokkr-processor/perf/GenerateSagas.java" "$work/src" "$sagas" "$steps"
echo "$sagas sagas x $steps steps"
start=$(date +%s%N)
java -cp "$classes:$libs" "$root/brokkr-processor/perf/MeasureCompile.java" "$work/src" "$classes:$libs" "$work/out"
echo "wall time of the three compiles (warm-up, without, with): $(( ($(date +%s%N) - start) / 1000000 )) ms"
