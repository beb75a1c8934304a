#!lua
-- handBack: the attempt holding the token is given back without counting it. ARGV from 4: step
-- id, token, '1' when its body may have run.
return run(function()
  local s = settleable(ARGV[4], tonumber(ARGV[5]))
  hand_back(s, ARGV[6] == '1')
  return applied()
end)
