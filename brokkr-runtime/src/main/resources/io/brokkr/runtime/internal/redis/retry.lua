#!lua
-- retry: an operator retries a FAILED saga (see retry_saga). ARGV from 4: the author. Replies NOOP
-- for a saga that compensates or has settled otherwise.
return run(function()
  require_saga()
  if saga.status == 'CREATED' or saga.status == 'RUNNING' then
    stop(R.REJECTED, 'NOT_FAILED', saga.status)
  end
  if saga.status ~= 'FAILED' then
    stop(R.NOOP)
  end
  retry_saga(ARGV[4])
  return applied()
end)
