#!lua
-- claimNext for the queue entry the node expects at the head of its worker's queue (KEYS[1] is the
-- entry's saga). ARGV from 4: worker, expected entry, step id, node id, now ms, lease ms.
-- Each reply carries the partition's ready sequence, up to which the node's view of the queue is
-- now current: MISS with the real head when the entry is not the head; DROPPED with the next head
-- when the entry is stale; CLAIMED with the next head, the step, its args and its dependencies'
-- results.
return run(function()
  local worker, expected = ARGV[4], ARGV[5]
  local seq = redis.call('GET', READY_SEQ) or '0'
  -- A worker's entries start with its name and '\n'; '\11' is the next character.
  local heads = redis.call('ZRANGEBYLEX', READY, '[' .. worker .. '\n', '(' .. worker .. '\11', 'LIMIT', 0, 2)
  if heads[1] ~= expected then
    stop(R.MISS, seq, heads[1] or '')
  end
  local following = heads[2] or ''
  local s = load_saga() and step(ARGV[6])
  if not s or s.st ~= 'QUEUED' or s.q ~= expected or s.ra then
    dequeue[#dequeue + 1] = expected
    return { R.DROPPED, seq, following }
  end
  local now = tonumber(ARGV[8])
  move(s, 'RUNNING')
  saga.tok = saga.tok + 1
  s.a = s.a + 1
  s.t = saga.tok
  s.o = ARGV[7]
  s.u = now + tonumber(ARGV[9])
  if s.to then
    s.dl = now + s.to
  end
  timers[timer_member(s)] = s.u
  local payloads = { 'a:' .. s.id }
  for _, d in ipairs(s.d or {}) do
    payloads[#payloads + 1] = 'r:' .. d
  end
  local values = read_fields(payloads)
  local reply = { R.CLAIMED, seq, following, cjson.encode(s), values[1] }
  for i = 2, #payloads do
    reply[i + 4] = values[i] or 'null'
  end
  return reply
end)
