#!lua
-- addCompensator. ARGV from 4: the compensated step's id, then as add_step from the compensator's id.
return run(function()
  require_saga()
  require_open()
  local target = step(ARGV[4])
  if not target then
    stop(R.REJECTED, 'NO_SUCH_STEP', ARGV[4])
  end
  if target.of then
    stop(R.REJECTED, 'COMPENSATOR_OF_COMPENSATOR', target.id)
  end
  if target.c then
    stop(R.REJECTED, 'COMPENSATOR_EXISTS', target.id, target.c)
  end
  local c = new_step(5, 'WAITING_FOR_COMPENSATION', false)
  c.of = target.id
  add_to_compensators(c.id)
  target.c = c.id
  touch(target)
  return applied()
end)
