#!/usr/bin/env bash
# Runs the fault-injection suite, e.g.  brokkr-faults/run.sh --minutes 30 --seed 42
# or  brokkr-faults/run.sh --minutes 3 --topology sentinel|cluster [--durable 1] [--skew-ms 500] --seed 1
# (every option: brokkr-faults/README.md, or the Javadoc of io.brokkr.faults.FaultMain)
# Maven builds the module and writes its class path (under /tmp/mvn.lock when flock exists, so
# that builds sharing this machine take turns); the run itself then goes without Maven.
# MVN_FLAGS="-o -q" builds offline.
set -euo pipefail
cd "$(dirname "$0")/.."
CP_FILE="$PWD/brokkr-faults/target/classpath.txt"
rm -f "$CP_FILE"
MVN=(mvn ${MVN_FLAGS:--q} -pl brokkr-faults -am test -Dtest=WriteClasspathTest -Dsurefire.failIfNoSpecifiedTests=false
  -Dbrokkr.faults.classpath="$CP_FILE")
if command -v flock >/dev/null; then flock /tmp/mvn.lock "${MVN[@]}"; else "${MVN[@]}"; fi
exec java -cp "$(cat "$CP_FILE")" io.brokkr.faults.FaultMain "$@"
