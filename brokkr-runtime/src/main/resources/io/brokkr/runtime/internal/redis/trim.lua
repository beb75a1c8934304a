#!lua
-- Drops from one partition's saga indexes the entries of sagas that are gone (dropped after their
-- retention, or lost with the data), so that queries and counts stop seeing them. Only entries
-- whose last change is older than the retention are looked at: no live saga is that old unless it
-- is still RUNNING or COMPENSATING, whose indexes are left alone. KEYS: 1 the partition's saga
-- index. ARGV: 1 the retention in ms, 2 the prefix of the partition's saga keys, 3 how many entries
-- of each status to look at. Reply: a list of one value, how many sagas were dropped.
local index, prefix, most = KEYS[1], ARGV[2], tonumber(ARGV[3])
local t = redis.call('TIME')
local cutoff = tonumber(t[1]) * 1000 + math.floor(tonumber(t[2]) / 1000) - tonumber(ARGV[1])
local dropped = 0
for _, status in ipairs({ 'CREATED', 'FINISHED', 'COMPENSATED', 'FAILED' }) do
  local key = index .. ':' .. status
  for _, id in ipairs(redis.call('ZRANGEBYSCORE', key, '-inf', string.format('%.0f', cutoff), 'LIMIT', 0, most)) do
    if redis.call('EXISTS', prefix .. id) == 0 then
      redis.call('ZREM', key, id)
      redis.call('ZREM', index, id) -- the index of every saga that earlier builds kept
      local name = redis.call('HGET', index .. ':names', id)
      if name then
        redis.call('ZREM', index .. ':n:' .. name, id)
        redis.call('HDEL', index .. ':names', id)
      end
      dropped = dropped + 1
    end
  end
end
return { dropped }
