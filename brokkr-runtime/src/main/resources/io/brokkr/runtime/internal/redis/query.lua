#!lua flags=no-writes
-- One partition's part of a page of findSagas: walks some of its saga indexes (common.lua's
-- index_saga) together from the newest change down, and returns the sagas that match, in that
-- order (newest change first, then the greatest id).
-- KEYS: the indexes to walk, one partition's (a name's, or one or more statuses'). ARGV: 1 the
-- highest score ('+inf', or a cursor's ms: then 2 is its saga id, and the sagas of that score from
-- that id up were listed already), 3 the lowest score ('-inf' or ms), 4 how many sagas to return at
-- most, 5 the prefix of the partition's saga keys, 6 how many index entries to read at most, 7 the
-- statuses wanted, comma-separated ('' for any), 8 the name wanted or '', 9 and 10 the range of
-- creation times in ms ('' for open ends: at or after 9, before 10).
-- Reply: 'DONE' (the indexes are walked to their end) or 'FULL' (ARGV 4 sagas found) or 'MORE' (ARGV 6
-- entries read: continue from the last one read), the score and id of the last entry read ('' if
-- none), then id, name ('' for none), status, created ms, updated ms of each saga found.
local max, after, min = ARGV[1], ARGV[2], ARGV[3]
local limit, prefix, budget = tonumber(ARGV[4]), ARGV[5], tonumber(ARGV[6])
local statuses = {}
for status in string.gmatch(ARGV[7], '[^,]+') do
  statuses[status] = true
end
local any_status, name = ARGV[7] == '', ARGV[8]
local created_from, created_to = tonumber(ARGV[9]), tonumber(ARGV[10])
local cursor_score = after ~= '' and tonumber(max) or nil
local CHUNK = 100
local found, read = {}, 0
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

-- Each index read from max down to min, first as many entries as a page wants (with no other
-- filter, each index may hold them all), then CHUNK at a time; a stream keeps its head (id, score
-- as read and as a number) until it is taken.
local streams = {}
for i, key in ipairs(KEYS) do
  streams[i] = { key = key, chunk = {}, at = 1, offset = 0, size = math.min(limit, CHUNK), last = false }
end

-- Puts in the stream its next entry not listed before the cursor; false when none is left.
local function fill(stream)
  while true do
    if stream.at > #stream.chunk then
      if stream.last then
        return false
      end
      stream.chunk = redis.call('ZREVRANGEBYSCORE', stream.key, max, min, 'WITHSCORES', 'LIMIT', stream.offset,
        stream.size)
      stream.offset = stream.offset + #stream.chunk / 2
      stream.at = 1
      stream.last = #stream.chunk < 2 * stream.size
      stream.size = CHUNK
      if #stream.chunk == 0 then
        return false
      end
    end
    local id, score = stream.chunk[stream.at], stream.chunk[stream.at + 1]
    stream.at = stream.at + 2
    local number = tonumber(score)
    -- Ties of score come in descending order of id: those from the cursor's id up came before.
    if not (cursor_score and number == cursor_score and id >= after) then
      stream.id, stream.score, stream.number = id, score, number
      return true
    end
  end
end

local live = {}
for _, stream in ipairs(streams) do
  if fill(stream) then
    live[#live + 1] = stream
  end
end

-- The stream whose head the last round took reads its next only when the walk goes on.
local taken
while true do
  if taken and not fill(live[taken]) then
    table.remove(live, taken)
  end
  local next_at
  for i, stream in ipairs(live) do
    local best = next_at and live[next_at]
    if not best or stream.number > best.number or (stream.number == best.number and stream.id > best.id) then
      next_at = i
    end
  end
  if not next_at then
    return reply('DONE')
  end
  taken = next_at
  local id, score = live[taken].id, live[taken].score
  local v = redis.call('HMGET', prefix .. id, 'status', 'name', 'ct', 'ut')
  if matches(v) then
    found[#found + 1] = id
    found[#found + 1] = v[2] or ''
    found[#found + 1] = v[1]
    found[#found + 1] = v[3]
    found[#found + 1] = v[4]
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
