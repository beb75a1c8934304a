#!lua flags=no-writes
-- How many sagas of one partition each status has, from the status indexes (common.lua's
-- index_saga), read on the master. KEYS: 1 the partition's saga index. ARGV: the statuses.
-- Reply: the count of each, in the order asked.
local counts = {}
for i, status in ipairs(ARGV) do
  counts[i] = redis.call('ZCARD', KEYS[1] .. ':' .. status)
end
return counts
