#!lua
-- start: CREATED -> RUNNING, queues the steps without dependencies. ARGV from 4: none.
return run(function()
  require_saga()
  if saga.status ~= 'CREATED' then
    stop(R.REJECTED, 'NOT_CREATED', saga.status)
  end
  start_saga(actions())
  return applied()
end)
