#!lua
-- A node withdraws its announcement. KEYS: 1 the namespace's set of node ids, 2 the node's key.
-- ARGV: 1 the node's id.
redis.call('DEL', KEYS[2])
redis.call('SREM', KEYS[1], ARGV[1])
return { 1 }
