#!lua
-- finish. ARGV from 4: step id, token ('' from outside), '1' and the result JSON, or '0'; then,
-- to claim a step it makes ready (finishAndClaim): node id, now ms, lease ms, the node's workers.
return run(function()
  local s = settleable(ARGV[4], tonumber(ARGV[5]))
  if ARGV[6] == '1' then
    fields['r:' .. s.id] = ARGV[7]
  end
  s.fr, s.pd = nil, nil
  move(s, 'FINISHED')
  if s.of then
    local target = step(s.of)
    move(target, 'COMPENSATED')
    compensation_pass(target)
  else
    saga.open = saga.open - 1
    advance_after_finish(s)
  end
  if ARGV[8] then
    return applied(nil, claim_made_ready(ARGV[8], tonumber(ARGV[9]), tonumber(ARGV[10]), 11, #ARGV, 1))
  end
  return applied()
end)
