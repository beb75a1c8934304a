#!lua
-- resolve: an operator settles a step by hand. ARGV from 4: the step id, the note, the author.
-- A QUEUED or RUNNING step finishes without result; a compensator that failed for good in a FAILED
-- or COMPENSATING saga counts as finished (resolve_failed_compensator). Replies NOOP for a step
-- that finished or was compensated already.
return run(function()
  require_saga()
  local named = step(ARGV[4])
  if not named then
    stop(R.REJECTED, 'NO_SUCH_STEP', ARGV[4])
  end
  local s = resolvable(named)
  if s.st == 'FINISHED' or s.st == 'COMPENSATED' then
    stop(R.NOOP)
  end
  local stuck = s.st == 'QUEUED' or s.st == 'RUNNING'
  local failed_compensator = s.of and s.st == 'FAILED' and (saga.status == 'FAILED' or saga.status == 'COMPENSATING')
  if not (stuck or failed_compensator) then
    stop(R.REJECTED, 'NOT_RESOLVABLE', s.id, s.st, saga.status)
  end
  act('RESOLVE', s.id, ARGV[6], ARGV[5])
  if failed_compensator then
    resolve_failed_compensator(s)
  else
    finish_step(s, nil)
  end
  return applied()
end)
