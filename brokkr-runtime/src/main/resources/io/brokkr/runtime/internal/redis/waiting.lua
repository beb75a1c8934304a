#!lua flags=no-writes
-- The sagas of one partition with a step ready for a worker (queued, not waiting out a backoff),
-- for findSagas(waitingOn). KEYS: 1 the partition's ready set. ARGV: 1 the worker, 2 the prefix of
-- the partition's saga keys, 3 how many queue entries to read at most. Reply: id, name ('' for
-- none), status, created ms, updated ms of each saga, each once, in queue order.
local worker, prefix, most = ARGV[1], ARGV[2], tonumber(ARGV[3])
local entries = redis.call('ZRANGEBYLEX', KEYS[1], '[' .. worker .. '\n', '(' .. worker .. '\11', 'LIMIT', 0, most)
local seen, found = {}, {}
for _, entry in ipairs(entries) do
  -- An entry is "worker\nsequence\nsagaId\nstepId"; a stale one (its step moved on) is skipped.
  local saga_id, step_id = string.match(entry, '^[^\n]*\n[^\n]*\n([^\n]*)\n(.*)$')
  if saga_id and not seen[saga_id] then
    local raw = redis.call('HGET', prefix .. saga_id, 's:' .. step_id)
    local s = raw and cjson.decode(raw)
    if s and s.st == 'QUEUED' and s.q == entry and not s.ra then
      seen[saga_id] = true
      local v = redis.call('HMGET', prefix .. saga_id, 'status', 'name', 'ct', 'ut')
      found[#found + 1] = saga_id
      found[#found + 1] = v[2] or ''
      found[#found + 1] = v[1]
      found[#found + 1] = v[3]
      found[#found + 1] = v[4]
    end
  end
end
return found
