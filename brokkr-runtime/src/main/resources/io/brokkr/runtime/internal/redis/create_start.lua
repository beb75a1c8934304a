#!lua
-- createAndStart: a saga with all its steps and compensators, started. ARGV from 4: its name or '';
-- the number of steps; the number k of claim values that follow (0: claim nothing), then those values
-- (createStartAndClaim: at most how many steps it makes ready to claim, node id, now ms, lease ms,
-- the node's workers); each step as add_step's ARGV (id to timeout) preceded by its number of
-- dependencies and followed by them; then each compensator: the compensated step's id, then id to timeout;
-- last, when the saga has one, its trace context (JSON): one value where a compensator has 9.
-- The node checked the draft as add_step and add_compensator would (SagaDraft.check).
return run(function()
  if redis.call('EXISTS', SAGA) == 1 then
    stop(R.REJECTED, 'SAGA_EXISTS')
  end
  saga = { status = 'CREATED', seq = 0, tok = 0, open = 0, name = ARGV[4] ~= '' and ARGV[4] or nil }
  local list, cs, actions_list = {}, {}, {}
  local claim_values = tonumber(ARGV[6])
  local i = 7 + claim_values
  for _ = 1, tonumber(ARGV[5]) do
    local count = tonumber(ARGV[i])
    local deps = {}
    for k = 1, count do
      deps[k] = ARGV[i + 8 + k]
    end
    local s = step_from(i + 1, 'CREATED', deps)
    link_dependents(s)
    if count > 0 then
      counts[s.id] = count
    end
    list[#list + 1] = s.id
    actions_list[#actions_list + 1] = s
    saga.open = saga.open + 1
    i = i + 9 + count
  end
  local last = #ARGV
  if (last - i + 1) % 9 == 1 then
    fields.tc = ARGV[last]
    last = last - 1
  end
  while i <= last do
    local target = steps[ARGV[i]]
    local c = step_from(i + 1, 'WAITING_FOR_COMPENSATION', { target.id })
    c.of = target.id
    target.c = c.id
    list[#list + 1] = c.id
    cs[#cs + 1] = c.id
    i = i + 9
  end
  fields.order = table.concat(list, '\n')
  if #cs > 0 then
    fields.cs = table.concat(cs, '\n')
  end
  start_saga(actions_list)
  if claim_values > 0 then
    return applied(nil, claim_made_ready(ARGV[8], tonumber(ARGV[9]), tonumber(ARGV[10]), 11, 6 + claim_values,
      tonumber(ARGV[7])))
  end
  return applied()
end)
