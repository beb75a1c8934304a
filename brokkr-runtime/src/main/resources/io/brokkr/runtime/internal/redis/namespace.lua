#!lua
-- Opening a namespace: records its partition count once and replies the recorded one, so that
-- nodes configured differently notice. KEYS: 1 the namespace's meta hash. ARGV: 1 partitions.
redis.call('HSETNX', KEYS[1], 'partitions', ARGV[1])
return { redis.call('HGET', KEYS[1], 'partitions') }
