#!lua
-- The ids of a partition's RUNNING and COMPENSATING sagas, read by a script so that it goes to the
-- master whatever the client's read mode. KEYS: 1 the partition's active set.
return redis.call('SMEMBERS', KEYS[1])
