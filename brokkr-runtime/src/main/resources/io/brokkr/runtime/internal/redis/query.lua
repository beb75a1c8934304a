#!lua flags=no-writes
-- One partition's part of a page of findSagas: walks one of its saga indexes (common.lua's
-- index_saga) from the newest change down, and returns the sagas that match, in that order.
-- KEYS: 1 the index to walk (the partition's index, a status's or a name's). ARGV: 1 the highest
-- score ('+inf', or a cursor's ms: then 2 is its saga id, and the sagas of that score from that id
-- up were listed already), 3 the lowest score ('-inf' or ms), 4 how many sagas to return at most,
-- 5 the prefix of the partition's saga keys, 6 how many index entries to read at most, 7 the
-- statuses wanted, comma-separated ('' for any), 8 the name wanted or '', 9 and 10 the range of
-- creation times in ms ('' for open ends: at or after 9, before 10).
-- Reply: 'DONE' (the index is walked to its end) or 'FULL' (ARGV 4 sagas found) or 'MORE' (ARGV 6
-- entries read: continue from the last one read), the score and id of the last entry read ('' if
-- none), then id, name ('' for none), status, created ms, updated ms of each saga found.
local index, max, after, min = KEYS[1], ARGV[1], ARGV[2], ARGV[3]
local limit, prefix, budget = tonumber(ARGV[4]), ARGV[5], tonumber(ARGV[6])
local statuses = {}
for status in string.gmatch(ARGV[7], '[^,]+') do
  statuses[status] = true
end
local any_status, name = ARGV[7] == '', ARGV[8]
local created_from, created_to = tonumber(ARGV[9]), tonumber(ARGV[10])
local cursor_score = after ~= '' and tonumber(max) or nil
local found, read, offset = {}, 0, 0
local last_score, last_id = '', ''

local function reply(state)
  local out = { state, last_score, last_id }
  for _, value in ipairs(found) do
    out[#out + 1] = value
  end
  return out
end

local function matches(v)
  if not v[1] or not (any_status or statuses[v[1]]) or (name ~= '' and v[2] ~= name) then
    return false
  end
  local created = tonumber(v[3])
  return (not created_from or created >= created_from) and (not created_to or created < created_to)
end

while true do
  local chunk = redis.call('ZREVRANGEBYSCORE', index, max, min, 'WITHSCORES', 'LIMIT', offset, 100)
  if #chunk == 0 then
    return reply('DONE')
  end
  offset = offset + #chunk / 2
  for i = 1, #chunk, 2 do
    local id, score = chunk[i], chunk[i + 1]
    -- Ties of score come in descending order of id: those from the cursor's id up came before.
    if not (cursor_score and tonumber(score) == cursor_score and id >= after) then
      local v = redis.call('HMGET', prefix .. id, 'status', 'name', 'ct', 'ut')
      if matches(v) then
        found[#found + 1] = id
        found[#found + 1] = v[2] or ''
        found[#found + 1] = v[1]
        found[#found + 1] = v[3]
        found[#found + 1] = v[4]
      end
    end
    read = read + 1
    last_score, last_id = score, id
    if #found / 5 >= limit then
      return reply('FULL')
    end
    if read >= budget then
      return reply('MORE')
    end
  end
end
