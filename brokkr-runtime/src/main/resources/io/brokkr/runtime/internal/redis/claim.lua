#!lua
-- claimNext for the queue entry the node expects at the head of its worker's queue (KEYS[1] is the
-- entry's saga). ARGV from 4: worker, expected entry, step id, node id, now ms, lease ms.
-- When another claimer took the expected entry and the head now is a step of the same saga (a
-- fan-out's leaves), that head is claimed instead: its keys are this call's.
-- Each reply carries the partition's ready sequence, up to which the node's view of the queue is
-- now current: MISS with the real head when neither is the head; DROPPED with the next head
-- when the entry is stale, or when the step's inputs are over the claim limit (the step fails for
-- good); CLAIMED with the next head, the entry claimed, the step, its args and its dependencies' results.
return run(function()
  local worker, head, id = ARGV[4], ARGV[5], ARGV[6]
  local seq = redis.call('GET', READY_SEQ) or '0'
  -- A worker's entries start with its name and '\n'; '\11' is the next character.
  local heads = redis.call('ZRANGEBYLEX', READY, '[' .. worker .. '\n', '(' .. worker .. '\11', 'LIMIT', 0, 2)
  if heads[1] ~= head then
    local saga_id, head_step = nil, nil
    if heads[1] then
      saga_id, head_step = entry_step(heads[1])
    end
    if saga_id ~= SAGA_ID then
      stop(R.MISS, seq, heads[1] or '')
    end
    head, id = heads[1], head_step
  end
  local following = heads[2] or ''
  local s = load_saga(id) and step(id)
  if not s or s.st ~= 'QUEUED' or s.q ~= head or s.ra then
    dequeue[#dequeue + 1] = head
    return { R.DROPPED, seq, following }
  end
  local values, size = inputs(s)
  local too_large = inputs_too_large(s, size)
  if too_large then
    -- Nothing was done: an explicit failure, for good (no retry could shrink the inputs).
    fail_attempt(s, false, too_large, tonumber(ARGV[8]))
    return { R.DROPPED, seq, following }
  end
  local granted = grant(s, ARGV[7], tonumber(ARGV[8]), tonumber(ARGV[9]), values)
  local reply = { R.CLAIMED, seq, following, head }
  for i, value in ipairs(granted) do
    reply[i + 4] = value
  end
  return reply
end)
