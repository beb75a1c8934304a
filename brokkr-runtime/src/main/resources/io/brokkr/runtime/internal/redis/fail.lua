#!lua
-- fail. ARGV from 4: step id, token ('' from outside: final), reason, now ms, detail ('' for none).
return run(function()
  local token = tonumber(ARGV[5])
  local s = settleable(ARGV[4], token)
  local detail = ARGV[8] ~= '' and ARGV[8] or nil
  return applied(fail_attempt(s, token ~= nil, ARGV[6], tonumber(ARGV[7]), detail))
end)
