#!lua
-- requeue: ends the backoff of a QUEUED step. ARGV from 4: step id.
return run(function()
  require_saga()
  local s = step(ARGV[4])
  if not s or s.st ~= 'QUEUED' then
    stop(R.NOOP)
  end
  requeue(s)
  return applied()
end)
