#!/usr/bin/env bash
# Times, inside one redis-server, what two "leaner Lua" changes would save a transition (twenty-seventh
# round): a step's state as hash fields instead of a JSON field, and a history entry built as text
# instead of a table cjson encodes. Each variant is one EVAL looping N times; the time is the call's
# wall time from outside over N, so each figure includes the loop (the *_none variant is the loop
# alone). Variants alternate, ROUNDS rounds. Starts its own redis-server on a free loopback port and
# stops it by its pid.
#   bash bench/results/2026-12-06-round27-lua-pieces.sh [N] [ROUNDS]
set -euo pipefail
N=${1:-200000}
ROUNDS=${2:-5}
DIR=$(mktemp -d)
PORT=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1]); s.close()')
redis-server --port "$PORT" --bind 127.0.0.1 --save '' --appendonly no --daemonize yes --pidfile "$DIR/redis.pid" --dir "$DIR" >/dev/null
trap 'kill "$(cat "$DIR/redis.pid")" 2>/dev/null || true; rm -rf "$DIR"' EXIT
until redis-cli -p "$PORT" ping >/dev/null 2>&1; do sleep 0.1; done

# A RUNNING step as today's state (the hammer's head, read off a bench run): read it, decide, write it
# FINISHED, then write it back RUNNING for the next round (two writes a round, both variants).
cat > "$DIR/state_json.lua" <<'LUA'
local key = KEYS[1]
redis.call('HSET', key, 's:head', '{"a":1,"c":"head\\/compensator","r":["3","100","2.0","10000"],"id":"head","t":1,"w":"bench.head","dn":["hammer"],"st":"RUNNING","o":"18ce618c-82a0-4280-9c1f-6f49c5261eb7","u":1796521947655}')
for i = 1, tonumber(ARGV[1]) do
  local s = cjson.decode(redis.call('HGET', key, 's:head'))
  if s.st ~= 'RUNNING' or s.t ~= 1 then return 'bad' end
  s.st = 'FINISHED'; s.o, s.u, s.dl = nil, nil, nil
  redis.call('HSET', key, 's:head', cjson.encode(s))
  s.st = 'RUNNING'; s.o = '18ce618c-82a0-4280-9c1f-6f49c5261eb7'; s.u = 1796521947655
  redis.call('HSET', key, 's:head', cjson.encode(s))
end
return 'ok'
LUA
# The same step as hash fields: the fields a finish reads in one HMGET, only the changed ones written.
cat > "$DIR/state_fields.lua" <<'LUA'
local key = KEYS[1]
redis.call('HSET', key, 'head:a', '1', 'head:c', 'head/compensator', 'head:r', '3 100 2.0 10000', 'head:w', 'bench.head',
  'head:dn', 'hammer', 'head:st', 'RUNNING', 'head:t', '1', 'head:o', '18ce618c-82a0-4280-9c1f-6f49c5261eb7', 'head:u', '1796521947655')
local names = { 'head:st', 'head:t', 'head:a', 'head:w', 'head:dn', 'head:c', 'head:o', 'head:u', 'head:dl' }
for i = 1, tonumber(ARGV[1]) do
  local v = redis.call('HMGET', key, unpack(names))
  local s = { st = v[1], t = v[2], a = v[3], w = v[4], dn = v[5], c = v[6], o = v[7], u = v[8], dl = v[9] }
  if s.st ~= 'RUNNING' or s.t ~= '1' then return 'bad' end
  redis.call('HSET', key, 'head:st', 'FINISHED')
  redis.call('HDEL', key, 'head:o', 'head:u', 'head:dl')
  redis.call('HSET', key, 'head:st', 'RUNNING', 'head:o', '18ce618c-82a0-4280-9c1f-6f49c5261eb7', 'head:u', '1796521947655')
end
return 'ok'
LUA
# A finish's history entry, as common.lua's move() and write_history() make it, and as text.
cat > "$DIR/history_json.lua" <<'LUA'
local n = 0
for i = 1, tonumber(ARGV[1]) do
  local e = { y = 'T', s = 'head', f = 'RUNNING', o = 'FINISHED', a = 1, n = '18ce618c-82a0-4280-9c1f-6f49c5261eb7', k = 1 }
  e.t = '1796521917660'
  n = n + #cjson.encode(e)
end
return n
LUA
cat > "$DIR/history_text.lua" <<'LUA'
local n = 0
local function int(x) return string.format('%d', x) end
for i = 1, tonumber(ARGV[1]) do
  local s, f, o, a, node, k, t = 'head', 'RUNNING', 'FINISHED', 1, '18ce618c-82a0-4280-9c1f-6f49c5261eb7', 1, '1796521917660'
  n = n + #('{"y":"T","s":"' .. s .. '","f":"' .. f .. '","o":"' .. o .. '","a":' .. int(a) .. ',"n":"' .. node
    .. '","k":' .. int(k) .. ',"t":"' .. t .. '"}')
end
return n
LUA
cat > "$DIR/history_none.lua" <<'LUA'
local n = 0
for i = 1, tonumber(ARGV[1]) do
  local s, f, o, a, node, k, t = 'head', 'RUNNING', 'FINISHED', 1, '18ce618c-82a0-4280-9c1f-6f49c5261eb7', 1, '1796521917660'
  n = n + #s
end
return n
LUA

echo "redis-server $(redis-server --version | awk '{print $3}'), N = $N, ns a round of the loop"
for r in $(seq "$ROUNDS"); do
  line="round $r:"
  for v in state_json state_fields history_json history_text history_none; do
    start=$(date +%s%N)
    out=$(redis-cli -p "$PORT" --eval "$DIR/$v.lua" "k$r$v" , "$N")
    end=$(date +%s%N)
    [ "$out" != bad ] || { echo "$v: wrong state" >&2; exit 1; }
    line="$line $v $(( (end - start) / N ))"
  done
  echo "$line"
done
