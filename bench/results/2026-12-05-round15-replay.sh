#!/usr/bin/env bash
# Replays a recorded run's calls (2026-12-05-round15-replay.py resp) into a fresh redis-server per run, variants in
# turn, ROUNDS times, and prints the Redis CPU per saga of each (user + system, from INFO, over the replay alone).
#   bash THIS_FILE DIR ROUNDS VARIANT...     e.g. bash THIS_FILE /tmp/replay 3 base nohist noindex noreply nopub all
# DIR holds calls.resp (or calls-<variant>.resp for a variant that makes other calls), subs.txt and setup-<variant>.resp. One subscriber hears the run's channels, as its node did.
# Port 7781 must be free. SAGAS: the sagas of the recorded run (default 20000).
set -euo pipefail
dir=$1 rounds=$2
shift 2
port=7781 sagas=${SAGAS:-20000}
cpu_us() {
  redis-cli -p $port info cpu | tr -d '\r' | awk -F: '/^used_cpu_(sys|user):/ { s += $2 } END { printf "%.0f", s * 1e6 }'
}
for round in $(seq "$rounds"); do
  for variant in "$@"; do
    redis-server --port $port --save "" --appendonly no --daemonize yes --pidfile "$dir/redis-$port.pid" > /dev/null
    until redis-cli -p $port ping > /dev/null 2>&1; do sleep 0.1; done
    redis-cli -p $port --pipe < "$dir/setup-$variant.resp" > /dev/null
    redis-cli -p $port subscribe $(tr '\n' ' ' < "$dir/subs.txt") > /dev/null &
    subscriber=$!
    sleep 0.3
    before=$(cpu_us)
    calls="$dir/calls-$variant.resp"
    [ -e "$calls" ] || calls="$dir/calls.resp"
    outcome=$(redis-cli -p $port --pipe < "$calls" | tail -1)
    after=$(cpu_us)
    echo "$round $variant $(( (after - before) / sagas )) µs of Redis CPU a saga ($outcome)"
    kill $subscriber
    redis-cli -p $port shutdown nosave > /dev/null 2>&1 || true
    while [ -e "$dir/redis-$port.pid" ] && kill -0 "$(cat "$dir/redis-$port.pid")" 2> /dev/null; do sleep 0.1; done
  done
done
