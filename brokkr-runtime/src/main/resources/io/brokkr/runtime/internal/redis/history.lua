#!lua
-- A saga's history (KEYS[1]), oldest first, its newest ARGV[1] entries (the list is trimmed only
-- now and then): one JSON entry each (see history in common.lua).
return redis.call('LRANGE', KEYS[1], -tonumber(ARGV[1]), -1)
