#!lua
-- A saga's hash, read by a script so that it goes to the master whatever the client's read mode
-- (replicas may lag behind this node's own writes). KEYS: 1 the saga's hash.
return redis.call('HGETALL', KEYS[1])
