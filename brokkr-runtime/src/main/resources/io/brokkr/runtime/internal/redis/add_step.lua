#!lua
-- addStep. ARGV from 4: step id, worker, args JSON, max attempts, initial backoff ms, multiplier,
-- max backoff ms, timeout ms or '', then the ids of its dependencies.
return run(function()
  require_saga()
  require_open()
  local s = new_step(4, 'CREATED', true)
  link_dependents(s)
  saga.open = saga.open + 1
  if unfinished_dependencies(s) == 0 and saga.status == 'RUNNING' then
    queue(s)
  end
  return applied()
end)
