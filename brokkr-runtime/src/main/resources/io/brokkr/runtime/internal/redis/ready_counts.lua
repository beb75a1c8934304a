#!lua flags=no-writes
-- How many steps of one partition are ready to be claimed, by worker, and since when the oldest
-- waits: the ready set holds one entry per queued step that is not waiting out a backoff
-- ("worker\nsequence\nsagaId\nstepId"), so each worker's entries are counted by prefix, jumping
-- from one worker to the next. A worker's first entry is its oldest (the zero-padded sequence orders
-- them), and its sequence is at least the server's time in microseconds when it was queued
-- (common.lua's new_entry). Entries are counted as they are: a stale one counts until it is dropped.
-- KEYS: 1 the partition's ready set. Reply: worker, count, first sequence, worker, count, ...
local counts = {}
local from = '-'
while true do
  local first = redis.call('ZRANGEBYLEX', KEYS[1], from, '+', 'LIMIT', 0, 1)[1]
  if not first then
    return counts
  end
  local worker, sequence = string.match(first, '^([^\n]*)\n([^\n]*)\n')
  counts[#counts + 1] = worker
  counts[#counts + 1] = redis.call('ZLEXCOUNT', KEYS[1], '[' .. worker .. '\n', '(' .. worker .. '\11')
  counts[#counts + 1] = sequence
  -- '\11' follows '\n': the first entry past every entry of this worker.
  from = '[' .. worker .. '\11'
end
