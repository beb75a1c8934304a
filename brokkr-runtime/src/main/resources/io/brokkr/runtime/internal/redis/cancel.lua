#!lua
-- cancel: an operator stops a RUNNING saga; it compensates as if a step had failed for good, its
-- possibly-done steps included. ARGV from 4: the reason, the author. Replies NOOP for a saga that
-- compensates or has settled already.
return run(function()
  require_saga()
  if saga.status == 'CREATED' then
    stop(R.REJECTED, 'NOT_RUNNING', saga.status)
  end
  if saga.status ~= 'RUNNING' then
    stop(R.NOOP)
  end
  act('CANCEL', nil, ARGV[5], ARGV[4])
  fields.fail = cjson.encode({ s = '', r = ARGV[4] })
  begin_compensation()
  return applied()
end)
