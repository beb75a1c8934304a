#!lua flags=no-writes
-- How many steps of one partition are ready to be claimed, by worker: the ready set holds one entry
-- per queued step that is not waiting out a backoff ("worker\nsequence\nsagaId\nstepId"), so each
-- worker's entries are counted by prefix, jumping from one worker to the next.
-- KEYS: 1 the partition's ready set. Reply: worker, count, worker, count...
local counts = {}
local from = '-'
while true do
  local first = redis.call('ZRANGEBYLEX', KEYS[1], from, '+', 'LIMIT', 0, 1)[1]
  if not first then
    return counts
  end
  local worker = string.match(first, '^([^\n]*)\n')
  counts[#counts + 1] = worker
  counts[#counts + 1] = redis.call('ZLEXCOUNT', KEYS[1], '[' .. worker .. '\n', '(' .. worker .. '\11')
  -- '\11' follows '\n': the first entry past every entry of this worker.
  from = '[' .. worker .. '\11'
end
