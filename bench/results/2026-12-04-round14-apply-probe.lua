-- What a finish costs Redis when the node has decided it: read the version, write what changed, every text
-- given; with ARGV[2] = 'json', also a step state decoded and encoded, a history entry and a message encoded and
-- a reply packed, as the scripts do (fourteenth round, 2026-12-04-2-cores-round14.txt).
-- Run on a Redis of its own (it writes keys under {p:1}): redis-cli --eval THIS_FILE , 20000 [json]
-- Returns microseconds per lap.
local n = tonumber(ARGV[1])
local with_json = ARGV[2] == 'json'
local step = '{"a":1,"c":"head\\/compensator","r":["3","100","2.0","10000"],"id":"head","t":1,"w":"bench.head","dn":["hammer"],"st":"FINISHED"}'
local hist = '{"a":1,"s":"head","k":1,"y":"T","n":"2e7d0e97-03ff-45c0-a13d-0a5af4cab985","t":"1796422703980","o":"FINISHED","f":"RUNNING"}'
local msg = '{"q":2,"s":"aaec32e4-832f-4af1-8dd8-ebd028e530b7","e":[["T","head","bench.head","RUNNING","FINISHED"]]}'
local t0 = redis.call('TIME')
for i = 1, n do
  local id = 'probe-saga-' .. i
  local saga = '{p:1}:saga:' .. id
  local v = redis.call('HMGET', saga, 'status', 'seq', 'tok', 'open', 'name', 'tc', 'in', 's:head')
  if with_json then
    local s = cjson.decode(v[8] or step)
    s.st = 'FINISHED'
    s.u = 1796422733978
    step = cjson.encode(s)
    hist = cjson.encode({ y = 'T', s = 'head', f = 'RUNNING', o = 'FINISHED', a = 1,
      n = '2e7d0e97-03ff-45c0-a13d-0a5af4cab985', k = 1, t = '1796422703980' })
    msg = cjson.encode({ s = id, q = 2, e = { { 'T', 'head', 'bench.head', 'RUNNING', 'FINISHED' } } })
  end
  local rq = '{p:1}:rq:' .. id
  redis.call('GET', rq)
  redis.call('HSET', saga, 'ut', '1796422703980', 'seq', '2', 'open', '2', 's:head', step, 'r:head',
    '"head:thunder-10"', 'n:hammer', '1')
  redis.call('RPUSH', '{p:1}:h:' .. id, hist)
  redis.call('ZADD', '{p:1}:ix:RUNNING', '1796422703980', id)
  redis.call('ZADD', '{p:1}:ix:n:BenchHammer', '1796422703980', id)
  redis.call('ZREM', '{p:1}:timers', id .. '\nhead')
  redis.call('PUBLISH', '{p:1:events}:n:x', msg)
  redis.call('SET', rq, with_json and cmsgpack.pack({ 0, 2, '', 0, '', '' }) or 'reply', 'PX', '60000')
end
local t1 = redis.call('TIME')
return tostring(((t1[1] - t0[1]) * 1000000 + (t1[2] - t0[2])) / n)
