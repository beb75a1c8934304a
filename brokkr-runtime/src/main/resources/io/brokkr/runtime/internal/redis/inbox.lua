#!lua
-- The inbox of the view that created a saga (its hash field 'in'; '' for none), read by a script so
-- that it goes to the master whatever the client's read mode. KEYS: 1 the saga's hash.
return { redis.call('HGET', KEYS[1], 'in') or '' }
