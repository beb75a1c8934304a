#!lua
-- finish. ARGV from 4: step id, token ('' from outside), '1' and the result JSON, or '0'; then,
-- to claim steps it makes ready (finishAndClaim): node id, now ms, lease ms, the most steps to
-- claim, the id of another saga of the partition whose queued step the node expects at the head of
-- one of its worker's queues or '', then that worker, entry and step id (or '' each), the node's
-- workers. When it makes none ready for them, the head of the finished step's worker's queue is
-- claimed if it is a step of this saga; when that claims nothing either and another saga's step is
-- named (KEYS[9] its hash, KEYS[10] its history), that step is claimed after this saga's change is
-- committed, as a claim call (claim.lua) would: the thread the step gave back takes it, without a
-- call of its own.
local claimed = true
return run(function()
  local s = settleable(ARGV[4], tonumber(ARGV[5]))
  finish_step(s, ARGV[6] == '1' and ARGV[7] or nil)
  if ARGV[8] then
    local claims = claim_made_ready(ARGV[8], tonumber(ARGV[9]), tonumber(ARGV[10]), 16, #ARGV, tonumber(ARGV[11]))
    if #claims == 0 and runs_here(s.w, 16, #ARGV) then
      claims = claim_queued_head(s.w, ARGV[8], tonumber(ARGV[9]), tonumber(ARGV[10]))
    end
    claimed = #claims > 0
    return applied(nil, claims)
  end
  return applied()
end, function(reply)
  if claimed or not ARGV[12] or ARGV[12] == '' then
    return
  end
  local node, now, lease = ARGV[8], tonumber(ARGV[9]), tonumber(ARGV[10])
  local worker, entry, id = ARGV[13], ARGV[14], ARGV[15]
  begin({ KEYS[9], KEYS[2], KEYS[3], KEYS[4], KEYS[5], KEYS[6], KEYS[10] }, { ARGV[12], ARGV[2], ARGV[3] })
  claimed_after(reply, run(function()
    return claim_entry(worker, entry, id, node, now, lease)
  end))
end)
