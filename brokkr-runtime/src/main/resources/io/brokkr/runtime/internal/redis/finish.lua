#!lua
-- finish. ARGV from 4: step id, token ('' from outside), '1' and the result JSON, or '0'; then,
-- to claim steps it makes ready (finishAndClaim): node id, now ms, lease ms, the most steps to
-- claim, the node's workers. When it makes none ready for them, the head of the finished step's
-- worker's queue is claimed if it is a step of this saga.
return run(function()
  local s = settleable(ARGV[4], tonumber(ARGV[5]))
  finish_step(s, ARGV[6] == '1' and ARGV[7] or nil)
  if ARGV[8] then
    local claims = claim_made_ready(ARGV[8], tonumber(ARGV[9]), tonumber(ARGV[10]), 12, #ARGV, tonumber(ARGV[11]))
    if #claims == 0 and runs_here(s.w, 12, #ARGV) then
      claims = claim_queued_head(s.w, ARGV[8], tonumber(ARGV[9]), tonumber(ARGV[10]))
    end
    return applied(nil, claims)
  end
  return applied()
end)
