#!lua
-- failUnknown: the attempt holding the token timed out or lost its lease, its outcome unknown.
-- ARGV from 4: step id, token, reason, now ms.
return run(function()
  local s = settleable(ARGV[4], tonumber(ARGV[5]))
  return applied(fail_unknown(s, ARGV[6], tonumber(ARGV[7])))
end)
