#!lua
-- A node announces itself for a while. KEYS: 1 the namespace's set of node ids, 2 the node's key.
-- ARGV: 1 the node's id, 2 its announcement (JSON), 3 how long it lasts in ms.
redis.call('SET', KEYS[2], ARGV[2], 'PX', ARGV[3])
redis.call('SADD', KEYS[1], ARGV[1])
return { 1 }
