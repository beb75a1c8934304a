#!/usr/bin/env python3
"""The transitions' own cost in Redis, without the call around them (fourteenth round, 2026-12-04-2-cores-round14.txt).

Builds a Functions library from the runtime's common.lua and rules.lua, with create_start.lua's and finish.lua's
bodies as local functions and one function, probe_loop, that runs a recorded hammer saga's four calls (one in flight:
a start that claims head and handle, their finishes, the hammer's) again N times, each time as a new saga, and
returns the microseconds each call took on average, timed with TIME inside Redis.

    python3 THIS_FILE > /tmp/probeloop.lua
    redis-cli -p PORT -x function load replace < /tmp/probeloop.lua
    redis-cli -p PORT fcall probe_loop 0 20000 "$(cat 2026-12-04-round14-hammer-calls.json)" \\
        aaec32e4-832f-4af1-8dd8-ebd028e530b7

Use a redis-server of its own: the sagas stay in it. The calls were recorded with MONITOR from the bench's
hammer-latency case (runtime 84a5e7c).
"""
from pathlib import Path

LUA = Path(__file__).resolve().parents[2] / "brokkr-runtime/src/main/resources/io/brokkr/runtime/internal/redis"

HARNESS = r'''
local function swap(text, old, new)
  local out, from = {}, 1
  while true do
    local s, e = string.find(text, old, from, true)
    if not s then break end
    out[#out + 1] = string.sub(text, from, s - 1)
    out[#out + 1] = new
    from = e + 1
  end
  out[#out + 1] = string.sub(text, from)
  return table.concat(out)
end

local function now()
  local t = redis.call('TIME')
  return tonumber(t[1]) * 1000000 + tonumber(t[2])
end

-- args: laps, the recorded calls ([kind, keys, argv] each), the recorded saga's id.
redis.register_function('probe_loop', function(keys, args)
  local n, calls, old = tonumber(args[1]), cjson.decode(args[2]), args[3]
  local spent, count = {}, {}
  for i = 1, n do
    local id = string.format('%08d', i) .. '-prob-e000-0000-000000000000'
    for c, call in ipairs(calls) do
      -- A new saga id, and new request ids: a request id seen before would replay its reply.
      local k, a = {}, {}
      for j, v in ipairs(call[2]) do k[j] = swap(swap(v, old, id), ':rq:', ':rq:' .. i .. '-' .. c .. '-') end
      for j, v in ipairs(call[3]) do a[j] = swap(v, old, id) end
      local kind = c .. ' ' .. call[1]
      local t0 = now()
      if call[1] == 'create_start' then body_create_start(k, a) else body_finish(k, a) end
      spent[kind] = (spent[kind] or 0) + now() - t0
      count[kind] = (count[kind] or 0) + 1
    end
  end
  local out = {}
  for kind, us in pairs(spent) do out[#out + 1] = kind .. ' ' .. string.format('%.2f', us / count[kind]) end
  table.sort(out)
  return out
end)
'''


def body(name):
    text = (LUA / f"{name}.lua").read_text()
    return "begin(KEYS, ARGV)\n" + text[text.index("\n") + 1:]


def main():
    source = "#!lua name=probeloop\n" + (LUA / "common.lua").read_text() + "\n" + (LUA / "rules.lua").read_text() + "\n"
    for name in ("create_start", "finish"):
        source += f"local function body_{name}(KEYS, ARGV)\n{body(name)}\nend\n"
    print(source + HARNESS)


if __name__ == "__main__":
    main()
