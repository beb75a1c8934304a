-- Forty-third round of issue 18 (2026-12-07-2-cores-round43.txt): what Redis's Lua pays to encode a
-- step's state, a history entry and an event message and to decode the state, with cjson (what the
-- scripts use) or cmsgpack; 'none' times the loop alone. The values are shaped as the scripts make
-- them for a hammer step (rules.lua's step_from and grant, common.lua's move and commit).
--   redis-server --port P --save '' --appendonly no --bind 127.0.0.1 --daemonize yes --pidfile F
--   time redis-cli -p P --eval THIS_FILE , cjson 200000      (then cmsgpack, none; divide by 200,000)
-- ARGV[1]: what ('cjson' or 'cmsgpack' or 'none'), ARGV[2]: how many rounds
local what, n = ARGV[1], tonumber(ARGV[2])
local state = { id = 'handle', w = 'bench.handle', st = 'RUNNING', a = 1, r = { '3', '100', '2.0', '10000' },
  t = 7, o = 'node-5f0c6d1e-3b7a-4c2e-9a51-0f3b2f1f7a11', u = 1765130000123, c = 'handle.undo' }
local entry = { y = 'T', s = 'handle', f = 'QUEUED', o = 'RUNNING', a = 1, n = 'node-5f0c6d1e-3b7a-4c2e-9a51-0f3b2f1f7a11', k = 7, t = '1765130000123' }
local message = { s = '3f1e2d3c-4b5a-6978-8796-a5b4c3d2e1f0', q = 4, e = { { 'T', 'handle', 'bench.handle', 'RUNNING', 'FINISHED' }, { 'T', 'hammer', 'bench.hammer', 'CREATED', 'QUEUED' } } }
local enc, dec
if what == 'cjson' then enc, dec = cjson.encode, cjson.decode
elseif what == 'cmsgpack' then enc, dec = cmsgpack.pack, cmsgpack.unpack
else enc, dec = function(t) return 'x' end, function(s) return state end end
local size = 0
for i = 1, n do
  local a = enc(state); local b = enc(entry); local c = enc(message)
  local d = dec(a)
  size = #a + #b + #c
end
return size
