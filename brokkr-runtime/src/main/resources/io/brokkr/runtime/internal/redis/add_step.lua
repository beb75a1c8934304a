#!lua
-- addStep. ARGV from 4: step id, worker, args JSON, max attempts, initial backoff ms, multiplier,
-- max backoff ms, timeout ms or '', then the ids of its dependencies.
return run(function()
  require_saga()
  require_open()
  local s = new_step(4, 'CREATED', true)
  for _, d in ipairs(s.d or {}) do
    local dependency = step(d)
    dependency.dn = dependency.dn or {}
    dependency.dn[#dependency.dn + 1] = s.id
    touch(dependency)
  end
  saga.open = saga.open + 1
  if saga.status == 'RUNNING' and all_finished(s) then
    queue(s)
  end
  return applied()
end)
