#!lua
-- The announcements of the live nodes, read on the master; the ids of expired ones leave the set.
-- KEYS: 1 the namespace's set of node ids. ARGV: 1 the prefix of the nodes' keys.
-- Reply: each live node's announcement (JSON), in no order.
local live = {}
for _, id in ipairs(redis.call('SMEMBERS', KEYS[1])) do
  local announcement = redis.call('GET', ARGV[1] .. id)
  if announcement then
    live[#live + 1] = announcement
  else
    redis.call('SREM', KEYS[1], id)
  end
end
return live
