#!lua
-- A due timer of the partition's timers: a lease that expired (its node is gone or paused) or a
-- deadline that passed fails the attempt, whose outcome is unknown; a backoff that ended requeues
-- the step; anything else drops the timer. ARGV from 4: step id, now ms.
return run(function()
  local now = tonumber(ARGV[5])
  local s = load_saga(ARGV[4]) and step(ARGV[4])
  if s and s.st == 'RUNNING' and lease_due(s) <= now then
    local reason = 'lease of node ' .. s.o .. ' expired'
    if s.dl and s.dl <= now then
      reason = timed_out(s)
    else
      lease_expired = s.w
    end
    local retry_at = fail_unknown(s, reason, now)
    -- The attempt lost its lease: whatever it reports later is stale.
    s.t = nil
    return applied(retry_at)
  elseif s and s.st == 'QUEUED' and s.ra and s.ra <= now then
    requeue(s)
    return applied()
  elseif s and s.st == 'RUNNING' then
    timers[timer_member(s)] = lease_due(s)
  elseif s and s.st == 'QUEUED' and s.ra then
    timers[timer_member(s)] = s.ra
  else
    timers[SAGA_ID .. '\n' .. ARGV[4]] = false
  end
  return { R.NOOP }
end)
