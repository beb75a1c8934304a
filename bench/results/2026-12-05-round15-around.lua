#!lua name=around
-- What Redis spends on a call around its work (fifteenth round, 2026-12-05-2-cores-round15.txt): an FCALL that
-- does nothing, and one that publishes a message the size of a finish's to a channel that one client hears.
-- Load it into a redis-server of its own, subscribe one client to 'ch', and drive either function with a
-- finish's arity (8 keys, 23 arguments of the recorded hammer calls' sizes) from redis-benchmark:
--
--   redis-cli -p PORT -x function load replace < THIS_FILE
--   redis-cli -p PORT subscribe ch > /dev/null &
--   redis-benchmark -p PORT -c 16 -P 10 -n 400000 -r 1000000 -q fcall noop 8 \
--     '{b:1}:saga:__rand_int__' '{b:1}:ready' '{b:1}:timers' '{b:1}:active' '{b:1}:seq' '{b:1}:ix' \
--     '{b:1}:h:__rand_int__' '{b:1}:rq:__rand_int__' aaec32e4-832f-4af1-8dd8-ebd028e530b7 \
--     '{b:events}:n:3616e355b10d48d2' 604800000 head 1 1 '"head:thunder-10"' \
--     2e7d0e97-03ff-45c0-a13d-0a5af4cab985 1796422703979 30000 15 '' '' '' '' bench.hammer bench.head.undo \
--     bench.handle bench.join bench.link bench.leaf bench.head bench.root
--
-- Redis's CPU per call is the change of INFO cpu's used_cpu_user + used_cpu_sys over the run, divided by the
-- change of INFO commandstats' cmdstat_fcall calls. -P 10 sends ten calls back to back, as the bench's
-- clients do (INFO stats: 9.5 FCALLs a read at full speed); -P 1 one at a time.
redis.register_function('noop', function(keys, args)
  return 1
end)

redis.register_function('pub', function(keys, args)
  redis.call('PUBLISH', 'ch', '{"q":2,"s":"aaec32e4-832f-4af1-8dd8-ebd028e530b7","e":[["T","head","bench.head",'
    .. '"RUNNING","FINISHED"]],"x":"0123456789012345678901234567890123456789"}')
  return 1
end)
