#!lua
-- heartbeat: renews the lease of the attempt holding the token. ARGV from 4: step id, token, until ms.
return run(function()
  local s = load_saga(ARGV[4]) and step(ARGV[4])
  if not s or s.st ~= 'RUNNING' or s.t ~= tonumber(ARGV[5]) then
    stop(R.STALE)
  end
  s.u = tonumber(ARGV[6])
  touch(s)
  timers[timer_member(s)] = lease_due(s)
  return applied()
end)
