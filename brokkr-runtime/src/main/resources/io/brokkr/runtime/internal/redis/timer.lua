#!lua
-- A due timer of the partition's timers: a lease that expired (its node is gone or paused) fails
-- the attempt; a backoff that ended requeues the step; anything else drops the timer.
-- ARGV from 4: step id, now ms.
return run(function()
  local now = tonumber(ARGV[5])
  local s = load_saga() and step(ARGV[4])
  if s and s.st == 'RUNNING' and s.u <= now then
    local reason = 'lease of node ' .. s.o .. ' expired'
    if s.dl and s.dl <= now then
      reason = 'attempt timed out while its node ' .. s.o .. ' was gone'
    end
    return applied(fail_attempt(s, true, reason, now))
  elseif s and s.st == 'QUEUED' and s.ra and s.ra <= now then
    requeue(s)
    return applied()
  elseif s and s.st == 'RUNNING' then
    timers[timer_member(s)] = s.u
  elseif s and s.st == 'QUEUED' and s.ra then
    timers[timer_member(s)] = s.ra
  else
    timers[SAGA_ID .. '\n' .. ARGV[4]] = false
  end
  return { R.NOOP }
end)
