#!lua
-- start: CREATED -> RUNNING, queues the steps without dependencies. ARGV from 4: none.
return run(function()
  require_saga()
  if saga.status ~= 'CREATED' then
    stop(R.REJECTED, 'NOT_CREATED', saga.status)
  end
  move_saga('RUNNING')
  for _, s in ipairs(actions()) do
    if not s.d then
      queue(s)
    end
  end
  if saga.open == 0 then
    finish_saga()
  end
  return applied()
end)
