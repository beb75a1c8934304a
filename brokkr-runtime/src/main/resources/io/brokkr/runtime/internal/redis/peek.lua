#!lua flags=no-writes
-- The heads of some workers' queues in one partition. KEYS: 1 the partition's ready set, 2 its
-- ready sequence. ARGV: worker names. Replies the sequence, then each worker's first entry or ''.
local reply = { redis.call('GET', KEYS[2]) or '0' }
for i, worker in ipairs(ARGV) do
  reply[i + 1] = redis.call('ZRANGEBYLEX', KEYS[1], '[' .. worker .. '\n', '(' .. worker .. '\11', 'LIMIT', '0', '1')[1] or ''
end
return reply
