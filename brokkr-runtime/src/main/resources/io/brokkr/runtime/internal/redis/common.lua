-- The saga model every transition script shares, with rules.lua. On Redis 7 the registry loads
-- both once as a Redis Functions library, each transition a function of it; otherwise both go in
-- front of each script, without the functions the script never reaches (LibraryCut): each function
-- defined costs every call. So a top-level function starts with 'local function name(' and ends
-- with an 'end' at the start of a line. Every call starts with begin().
--
-- KEYS: 1 the saga's hash, 2 the partition's ready set, 3 its timers, 4 its active sagas, 5 its
-- ready sequence, 6 its saga index (the prefix of the index keys, see index_saga), 7 the saga's
-- history (a list), and 8, for a transition, its request: the key where the calling thread keeps its
-- last reply in this partition, then ':' and the request's number on that thread (RequestIds). A
-- call the client re-sends (a response timeout, a reconnect) replays the kept reply instead of
-- applying the transition twice. All carry the partition's hash tag: a call touches one slot.
-- ARGV: 1 the saga's id, 2 the event channel, 3 the retention of settled sagas in ms; the script's
-- own arguments follow from 4 on.
--
-- A script reads and decides first and writes last: a body changes only the Lua tables below, and
-- commit() writes them once the body returned. A body that stops (a rejection, a stale token, an
-- illegal move) has written nothing.

-- The keys and arguments of the call (begin() sets them).
local SAGA, READY, TIMERS, ACTIVE, READY_SEQ, INDEX, HISTORY, REQUEST
local SAGA_ID, CHANNEL, RETENTION
-- The call's ARGV, for the library's functions that read a script's own arguments: a function of a
-- Redis Functions library has no global ARGV.
local ARGS
-- CHANNEL is the calling view's inbox, '{ns:events}:n:<inbox>': a saga's messages go to the inbox
-- of the view that created it (its field 'in'), which views that watch every saga also hear (they
-- subscribe to the pattern '{ns:events}:n:*'); a ready entry that heads its worker's queue also
-- goes to the creator's channel of that worker, or when nobody hears it there to the worker's
-- channel, which the views that claim for that worker subscribe to (see publish). So a node receives
-- the events of its own sagas and word of the work it can run, not those of every node.
local STREAM, INBOX
-- The last channel a call named and its parts: a node's calls name the same one, and a pattern
-- match is dearer than comparing two strings (Lua interns them). A Functions library keeps them
-- between calls; a script starts without them.
local last_channel, last_stream, last_inbox
-- The most entries a saga's history keeps (HistoryEntry.LIMIT): past it the oldest are dropped.
local HISTORY_LIMIT = 1000
-- How long a request's reply is kept for a re-sent call: far longer than a client's re-sends last
-- (Redisson's defaults: 4 tries of 3 s, 1.5 s apart), short enough that replies cost little memory.
local REQUEST_TTL_MS = '60000'

-- Result codes, decoded by Reply on the Java side.
local R = { APPLIED = 0, NOOP = 1, STALE = 2, REJECTED = 3, ILLEGAL = 4, CLAIMED = 5, MISS = 6, DROPPED = 7 }

-- The transition tables of StepTransition and SagaTransition (a test compares them with the enums),
-- keyed 'FROM>TO': one table each, as nested tables cost every call a table per status.
local STEP_MOVES = {
  ['CREATED>QUEUED'] = 'READY',
  ['CREATED>SKIPPED'] = 'SKIP_CREATED',
  ['QUEUED>RUNNING'] = 'CLAIM',
  ['QUEUED>FINISHED'] = 'FINISH_QUEUED',
  ['QUEUED>FAILED'] = 'FAIL_QUEUED',
  ['QUEUED>SKIPPED'] = 'SKIP_QUEUED',
  ['RUNNING>FINISHED'] = 'FINISH',
  ['RUNNING>FAILED'] = 'FAIL',
  ['RUNNING>QUEUED'] = 'RETRY',
  ['FINISHED>COMPENSATING'] = 'COMPENSATE',
  ['FAILED>COMPENSATING'] = 'COMPENSATE_FAILED',
  ['FAILED>QUEUED'] = 'RETRIED',
  ['FAILED>FINISHED'] = 'RESOLVED',
  ['FAILED>COMPENSATED'] = 'RESOLVED_COMPENSATED',
  ['SKIPPED>COMPENSATING'] = 'COMPENSATE_SKIPPED',
  ['COMPENSATING>COMPENSATED'] = 'COMPENSATED_BY',
  ['COMPENSATING>FAILED'] = 'COMPENSATION_FAILED',
  ['WAITING_FOR_COMPENSATION>QUEUED'] = 'NEEDED',
  ['WAITING_FOR_COMPENSATION>SKIPPED'] = 'NOT_NEEDED',
}
local SAGA_MOVES = {
  ['CREATED>RUNNING'] = 'START',
  ['RUNNING>FINISHED'] = 'FINISH',
  ['RUNNING>COMPENSATING'] = 'COMPENSATE',
  ['COMPENSATING>COMPENSATED'] = 'COMPENSATED_ALL',
  ['COMPENSATING>FAILED'] = 'COMPENSATION_FAILED',
  ['FAILED>COMPENSATING'] = 'RESUME',
}
local SETTLED = { FINISHED = true, COMPENSATED = true, FAILED = true }

local saga             -- the saga's own fields; nil until loaded or when it does not exist
local loaded           -- the same fields as read, to write back only what changed
local steps            -- decoded step states by id
local touched, touched_set
local fields           -- further saga hash fields to write: args, results, order, failure
local events
local ready            -- the queue entries of the steps made claimable
local pushed           -- the steps whose entries ready holds, in the same order
local enqueue, dequeue
local timers           -- timer member -> due ms, or false to remove it
local ready_seq        -- the partition's last ready sequence number, once read
local order            -- the saga's step ids in the order they were added, once read
-- The entries this call adds to the saga's history, without their time (commit() adds it): y the
-- kind (C created, S saga moved, T step moved, A operator action), s step, f from, o to, n node,
-- a attempt (absent for 0: cjson formats every number with the C library's printf), k fencing
-- token, r reason; for an action x its kind, u its author, m its note.
local history
-- The worker of an attempt whose lease this call found expired (timer.lua); run() tells the caller.
local lease_expired
-- The settled status the saga moved into during this call, if it did (also FAILED again after an
-- operator resumed it in the same call); run() tells the caller.
local settled_in
-- The outcome the message of this call's settling carries (see outcome()); false when its results
-- were over the limit, nil when the message carried no settling.
local settled_outcome
-- The saga's compensator ids, one a line, as stored (read once; see cs_text()).
local stored_cs
-- The server's time in microseconds, read once per call (see server_micros()).
local server_time
-- A step's count of unfinished dependencies is the hash field n:<id>, there while it is above 0:
-- a completion reads and decrements its dependents' counts and decodes only the ones it makes ready.
local counts          -- n:<id> fields to write, 0 to delete
local undo            -- the saga's { pending = n, blocked = bool } while compensating, once read (rules.lua)
-- A queued step this call claimed from the head of its worker's queue (claim_queued_head in rules.lua):
-- { the partition's ready sequence, up to which the reply tells the queue, the entry, the next entry or '' }.
local queue_head
-- Within one call of finish_many (its finishes run one after the other, with nothing between them):
-- the server's time its first finish read, and the partition's ready sequence its last commit wrote,
-- with that sequence's key, so that each finish does not read them again. Open only during that call
-- (batch_open and batch_close; every other function closes it first).
local batch, batch_time, batch_seq_key, batch_seq

-- Starts a call: its keys and arguments, and state of its own. A script defines the library at
-- every call, but a Redis Functions library is defined once and its functions share these locals
-- from call to call: each call must start from nothing.
local function begin(keys, argv)
  SAGA, READY, TIMERS, ACTIVE, READY_SEQ, INDEX, HISTORY, REQUEST = keys[1], keys[2], keys[3], keys[4], keys[5],
    keys[6], keys[7], keys[8]
  ARGS, SAGA_ID, CHANNEL, RETENTION = argv, argv[1], argv[2], argv[3]
  if CHANNEL ~= last_channel then
    last_stream, last_inbox = string.match(CHANNEL, '^({[^}]*}):n:(.+)$')
    last_channel, last_stream = CHANNEL, last_stream or CHANNEL
  end
  STREAM, INBOX = last_stream, last_inbox
  saga, loaded, steps, touched, touched_set, fields = nil, {}, {}, {}, {}, {}
  events, ready, pushed, enqueue, dequeue, timers = {}, {}, {}, {}, {}, {}
  ready_seq, order, history, lease_expired, settled_in, settled_outcome = nil, nil, {}, nil, nil, nil
  stored_cs, server_time, counts, undo, queue_head = nil, nil, {}, nil, nil
  if batch then
    server_time = batch_time
    if batch_seq_key == READY_SEQ then
      ready_seq = batch_seq
    end
  end
end

-- Opens a batch (see batch above) for the finishes of one finish_many call.
local function batch_open()
  batch, batch_time, batch_seq_key, batch_seq = true, nil, nil, nil
end

-- Closes the batch, if one is open: called when finish_many ends, and first by every other function,
-- so that a batch whose call ended midway (a finish's error, FUNCTION KILL) never reaches another call.
local function batch_close()
  batch, batch_time, batch_seq_key, batch_seq = nil, nil, nil, nil
end

-- A whole number as text. '%d' formats it as an integer: '%.0f', and a number handed to redis.call
-- as it is ('%.17g'), go through the C library's floating-point formatting, many times dearer.
local function int(n)
  return string.format('%d', n)
end

-- Ends the body early; run() returns the values and nothing is written.
local function stop(...)
  error({ brokkr = { ... } }, 0)
end

-- step_id, if given: the step the call is about, read with the saga's fields (one command less).
local function load_saga(step_id)
  if saga then
    return saga
  end
  -- The order (every step id) is read only when needed: a completion must not cost the saga's size.
  -- The trace context (tc) comes with the same read: every grant hands it over.
  local v
  if step_id then
    v = redis.call('HMGET', SAGA, 'status', 'seq', 'tok', 'open', 'name', 'tc', 'in', 's:' .. step_id)
  else
    v = redis.call('HMGET', SAGA, 'status', 'seq', 'tok', 'open', 'name', 'tc', 'in')
  end
  if not v[1] then
    return nil
  end
  loaded = { status = v[1], seq = tonumber(v[2]), tok = tonumber(v[3]), open = tonumber(v[4]), name = v[5] or nil,
    tc = v[6] or nil, inbox = v[7] or nil }
  saga = { status = loaded.status, seq = loaded.seq, tok = loaded.tok, open = loaded.open }
  if v[8] then
    steps[step_id] = cjson.decode(v[8])
  end
  return saga
end

local function require_saga(step_id)
  if not load_saga(step_id) then
    stop(R.REJECTED, 'NO_SUCH_SAGA')
  end
end

local function require_open()
  if saga.status ~= 'CREATED' and saga.status ~= 'RUNNING' then
    stop(R.REJECTED, 'SAGA_CLOSED', saga.status)
  end
end

local function touch(s)
  if not touched_set[s.id] then
    touched_set[s.id] = true
    touched[#touched + 1] = s.id
  end
end

local function step(id)
  local s = steps[id]
  if s == nil then
    local raw = redis.call('HGET', SAGA, 's:' .. id)
    if not raw then
      return nil
    end
    s = cjson.decode(raw)
    steps[id] = s
  end
  return s
end

-- The saga's order field: its step ids in the order added, one a line.
local function order_text()
  if saga.order == nil then
    saga.order = redis.call('HGET', SAGA, 'order') or ''
  end
  return saga.order
end

-- The saga's compensator ids, one a line: as this call set them, or as stored (read once).
local function cs_text()
  if fields.cs then
    return fields.cs
  end
  if stored_cs == nil then
    stored_cs = redis.call('HGET', SAGA, 'cs') or ''
  end
  return stored_cs
end

local function ids()
  if not order then
    order = {}
    for id in string.gmatch(order_text(), '[^\n]+') do
      order[#order + 1] = id
    end
  end
  return order
end

-- The values of some fields of the saga's hash, read in chunks: unpack() of a long list would
-- overflow Lua's stack ("too many results to unpack" past about 8,000).
local CHUNK = 500
local function read_fields(names)
  local values = {}
  for i = 1, #names, CHUNK do
    local last = math.min(i + CHUNK - 1, #names)
    local raw = redis.call('HMGET', SAGA, unpack(names, i, last))
    for j = 1, last - i + 1 do
      values[i + j - 1] = raw[j]
    end
  end
  return values
end

-- Every step in the order added, read with one HMGET per chunk.
local function all_steps()
  local missing = {}
  for _, id in ipairs(ids()) do
    if steps[id] == nil then
      missing[#missing + 1] = 's:' .. id
    end
  end
  for _, json in ipairs(read_fields(missing)) do
    local s = cjson.decode(json)
    steps[s.id] = s
  end
  local all = {}
  for i, id in ipairs(ids()) do
    all[i] = steps[id]
  end
  return all
end

-- The steps that are not compensators, in the order added: every step comes after its dependencies.
local function actions()
  local list = {}
  for _, s in ipairs(all_steps()) do
    if not s.of then
      list[#list + 1] = s
    end
  end
  return list
end

local function timer_member(s)
  return SAGA_ID .. '\n' .. s.id
end

-- Durations.format of a whole number of ms: the largest unit that divides it, e.g. 50ms, 2s, 1m.
local function duration_text(ms)
  if ms == 0 then
    return '0ms'
  end
  for _, unit in ipairs({ { 86400000, 'd' }, { 3600000, 'h' }, { 60000, 'm' }, { 1000, 's' }, { 1, 'ms' } }) do
    if ms % unit[1] == 0 then
      return int(ms / unit[1]) .. unit[2]
    end
  end
end

-- Why an attempt past its deadline failed, worded as AttemptRunner and the in-memory store word it.
local function timed_out(s)
  return 'attempt ' .. s.a .. ' timed out after ' .. duration_text(s.to)
end

-- When a running attempt's timer is due: its lease ends, or its deadline passes, whichever is first.
-- The store enforces both, whatever its node does.
local function lease_due(s)
  if s.dl and s.dl < s.u then
    return s.dl
  end
  return s.u
end

-- The server's time in microseconds, read once per call (it is the time of the whole transition):
-- the floor of ready sequence numbers, so that they keep growing when Redis lost the last one (a
-- restart without persistence, a FLUSHALL, a failover to a lagging replica) and nodes that
-- remember higher numbers do not ignore the new entries; and, in ms, when a saga was created and
-- last changed.
local function server_micros()
  if not server_time then
    local t = redis.call('TIME')
    server_time = tonumber(t[1]) * 1000000 + tonumber(t[2])
    if batch then
      batch_time = server_time
    end
  end
  return server_time
end

local function new_entry(s)
  if not ready_seq then
    ready_seq = math.max(tonumber(redis.call('GET', READY_SEQ) or '0'), server_micros())
  end
  ready_seq = ready_seq + 1
  -- Zero-padded, so the lexical order of one worker's entries is the order they were queued.
  return s.w .. '\n' .. string.format('%016d', ready_seq) .. '\n' .. SAGA_ID .. '\n' .. s.id
end

-- The saga and step of a queue entry (see new_entry).
local function entry_step(entry)
  return string.match(entry, '^[^\n]*\n[^\n]*\n([^\n]*)\n(.*)$')
end

-- Makes a QUEUED step claimable; a step whose entry is still queued keeps it.
local function push(s)
  if not (s.q and redis.call('ZSCORE', READY, s.q)) then
    s.q = new_entry(s)
    touch(s)
    enqueue[#enqueue + 1] = s.q
  end
  ready[#ready + 1] = s.q
  pushed[#pushed + 1] = s
  events[#events + 1] = { 'R', s.id, s.w, s.q }
end

-- Why a step moved, for its history: a failure, or a failed attempt retried after a backoff.
local function move_reason(s, from, to)
  if to == 'FAILED' or (from == 'RUNNING' and to == 'QUEUED' and s.ra) then
    return s.fr
  end
  return nil
end

-- Moves a step along the table; what leaving QUEUED or RUNNING releases goes with the move.
local function move(s, to)
  local from = s.st
  if not STEP_MOVES[from .. '>' .. to] then
    stop(R.ILLEGAL, s.id, from, to)
  end
  local entry = { y = 'T', s = s.id, f = from, o = to, a = s.a > 0 and s.a or nil, r = move_reason(s, from, to) }
  if (from == 'RUNNING' or to == 'RUNNING') and s.o then
    entry.n, entry.k = s.o, s.t
  end
  history[#history + 1] = entry
  if from == 'QUEUED' then
    if s.q then
      dequeue[#dequeue + 1] = s.q
      s.q = nil
    end
    if s.ra then
      s.ra = nil
      timers[timer_member(s)] = false
    end
  elseif from == 'RUNNING' then
    s.o, s.u, s.dl = nil, nil, nil
    timers[timer_member(s)] = false
  end
  s.st = to
  touch(s)
  events[#events + 1] = { 'T', s.id, s.w, from, to }
end

local function move_saga(to)
  local from = saga.status
  if not SAGA_MOVES[from .. '>' .. to] then
    stop(R.ILLEGAL, '', from, to)
  end
  local entry = { y = 'S', f = from, o = to }
  if from == 'RUNNING' and to == 'COMPENSATING' and fields.fail then
    entry.r = cjson.decode(fields.fail).r
  end
  history[#history + 1] = entry
  saga.status = to
  if SETTLED[to] then
    settled_in = to
  end
  events[#events + 1] = { 'S', from, to }
end

local function queue(s)
  move(s, 'QUEUED')
  push(s)
end

-- An operator's action (cancel, retry, resolve): first in the history and the events of its call.
local function act(kind, step_id, author, note)
  history[#history + 1] = { y = 'A', x = kind, s = step_id, u = author, m = note }
  events[#events + 1] = { 'A', kind, step_id or '', author, note }
end

local function unfinished_dependencies(s)
  local left = 0
  for _, d in ipairs(s.d or {}) do
    if step(d).st ~= 'FINISHED' then
      left = left + 1
    end
  end
  counts[s.id] = left
  return left
end

-- One dependency of step id finished; returns how many are left.
local function dependency_finished(id)
  local left = counts[id] or tonumber(redis.call('HGET', SAGA, 'n:' .. id) or '1')
  left = left - 1
  counts[id] = left
  return left
end

-- Writes in chunks: unpack() of a long list would overflow Lua's stack.
local function write_all(command, key, list)
  for i = 1, #list, CHUNK do
    redis.call(command, key, unpack(list, i, math.min(i + CHUNK - 1, #list)))
  end
end

-- What a settled saga's outcome needs, sent with the event of its settling so that no node reads
-- the saga for it: o = { r = { id, result, ... } in the order added, f = the failure if any }.
-- Results past OUTCOME_LIMIT bytes in all are left out (nil): the nodes read the saga instead.
local OUTCOME_LIMIT = 64 * 1024
local function outcome()
  local cs = {}
  for id in string.gmatch(cs_text(), '[^\n]+') do
    cs[id] = true
  end
  local names, actions = { 'fail' }, {}
  for _, id in ipairs(ids()) do
    if not cs[id] then
      actions[#actions + 1] = id
      names[#names + 1] = 'r:' .. id
    end
  end
  local values = read_fields(names)
  local results, size = {}, 0
  for i, id in ipairs(actions) do
    local result = values[i + 1]
    if result then
      size = size + #id + #result
      if size > OUTCOME_LIMIT then
        return nil
      end
      results[#results + 1] = id
      results[#results + 1] = result
    end
  end
  return { r = results, f = values[1] or nil }
end

local function server_millis()
  return math.floor(server_micros() / 1000)
end

-- The partition's saga indexes, for queries (RedisSagaStore.query), each scoring its sagas by their
-- last change: INDEX:<status> the sagas of a status (every saga is in one: a query of any status
-- walks them all); INDEX:n:<name> those of a name, and the hash INDEX:names each named saga's
-- name, so that the sweep can drop the entries of an expired saga. (Builds before 2026-12-04 also
-- kept INDEX itself, every saga: a ZADD more at every change; trim.lua still drops its entries.)
local function index_saga(now)
  if loaded.status and loaded.status ~= saga.status then
    redis.call('ZREM', INDEX .. ':' .. loaded.status, SAGA_ID)
  end
  redis.call('ZADD', INDEX .. ':' .. saga.status, now, SAGA_ID)
  local name = saga.name or loaded.name
  if name then
    redis.call('ZADD', INDEX .. ':n:' .. name, now, SAGA_ID)
    if not loaded.status then
      redis.call('HSET', INDEX .. ':names', SAGA_ID, name)
    end
  end
end

-- Appends this call's entries to the saga's history, all at the time of the call, and drops the
-- oldest past HISTORY_LIMIT.
local function write_history(now)
  if not loaded.status then
    table.insert(history, 1, { y = 'C', o = 'CREATED' })
  end
  if #history == 0 then
    return
  end
  -- The time goes in as the text it is: cjson formats every number with '%.14g', and a 13-digit one
  -- costs more than the rest of the entry (HistoryEntries reads either).
  local encoded = {}
  for i, entry in ipairs(history) do
    entry.t = now
    encoded[i] = cjson.encode(entry)
  end
  local length
  for i = 1, #encoded, CHUNK do
    length = redis.call('RPUSH', HISTORY, unpack(encoded, i, math.min(i + CHUNK - 1, #encoded)))
  end
  -- Trimmed once a tenth over the limit, not at every call: a trim is a command more; history.lua
  -- reads the newest HISTORY_LIMIT.
  if length > HISTORY_LIMIT + HISTORY_LIMIT / 10 then
    redis.call('LTRIM', HISTORY, -HISTORY_LIMIT, -1)
  end
end

-- The first count entries of worker's queue in this partition: a worker's entries start with its
-- name and '\n'; '\11' is the next character. The limits go in as text (see int()).
local function worker_heads(worker, count)
  return redis.call('ZRANGEBYLEX', READY, '[' .. worker .. '\n', '(' .. worker .. '\11', 'LIMIT', '0', int(count))
end

-- Sends a message of this call's events where it concerns someone (see CHANNEL above): the whole
-- message to the saga's inbox, and the head of a worker's queue in this partition when it is an entry
-- this call made ready (called after the queue's writes). An entry queued behind another is not
-- announced: a node that knows a queue's head learns what follows from the reply of its claim (every
-- claim's reply tells the next head, a MISS the real one), and one that learned the queue empty hears
-- of the first entry queued after, which finds it empty.
-- The head goes to the saga's creator first, on its channel of the worker in this partition,
-- '{ns:p}:w:<worker>:n:<inbox>', a sharded channel in the call's own slot (SPUBLISH), which a node
-- subscribes to for each worker it runs and each partition: it hears of its sagas' steps anyway, and
-- when its threads keep up no other node needs to know (a head every node hears, all but one claim
-- for nothing). SPUBLISH counts the subscribers of the server that owns the slot, which is where
-- the creator subscribed, on one server and on a Cluster alike. Only when nobody receives it there
-- (the creator does not run that worker, or is gone, or subscribed elsewhere) does it go to the
-- worker's channel, '{ns:events}:w:<worker>', to every node of the worker; a creator whose threads
-- did not take its queue's work soon passes the head on there itself (PassOn). A creator whose inbox
-- id does not start with 's' (Ids.toldFirst) subscribes to no such channel and is not told first.
local function publish(message)
  -- A saga created before inboxes existed has none: its messages reach only the views that watch all.
  local inbox = loaded.inbox or (not loaded.status and INBOX) or '-'
  if #ready > 0 then
    local made, workers = {}, {}
    for _, e in ipairs(events) do
      if e[1] == 'R' then
        if not made[e[3]] then
          made[e[3]] = {}
          workers[#workers + 1] = e[3]
        end
        made[e[3]][e[4]] = true
      end
    end
    for _, worker in ipairs(workers) do
      local head = worker_heads(worker, 1)[1]
      if head and made[worker][head] then
        if string.sub(inbox, 1, 1) ~= 's'
            or redis.call('SPUBLISH', string.sub(READY, 1, -7) .. ':w:' .. worker .. ':n:' .. inbox, head) == 0 then
          redis.call('PUBLISH', STREAM .. ':w:' .. worker, head)
        end
      end
    end
  end
  redis.call('PUBLISH', STREAM .. ':n:' .. inbox, message)
end

-- The saga's own fields that commit() writes back when they changed (made once, not at every call).
local SAGA_FIELDS = { 'status', 'seq', 'tok', 'open' }
local function commit()
  if saga then
    local changed = #events > 0 or not loaded.status
    if #events > 0 then
      saga.seq = saga.seq + 1
    end
    local hash = {}
    if changed then
      local now = int(server_millis())
      hash[#hash + 1] = 'ut'
      hash[#hash + 1] = now
      if not loaded.status then
        hash[#hash + 1] = 'ct'
        hash[#hash + 1] = now
        if saga.name then
          hash[#hash + 1] = 'name'
          hash[#hash + 1] = saga.name
        end
        if INBOX then
          hash[#hash + 1] = 'in'
          hash[#hash + 1] = INBOX
        end
      end
      index_saga(now)
      write_history(now)
    end
    for _, name in ipairs(SAGA_FIELDS) do
      if saga[name] ~= loaded[name] then
        hash[#hash + 1] = name
        hash[#hash + 1] = type(saga[name]) == 'number' and int(saga[name]) or saga[name]
      end
    end
    for _, id in ipairs(touched) do
      hash[#hash + 1] = 's:' .. id
      hash[#hash + 1] = cjson.encode(steps[id])
    end
    for name, value in pairs(fields) do
      hash[#hash + 1] = name
      hash[#hash + 1] = value
    end
    local done = {}
    for id, left in pairs(counts) do
      if left > 0 then
        hash[#hash + 1] = 'n:' .. id
        hash[#hash + 1] = int(left)
      else
        done[#done + 1] = 'n:' .. id
      end
    end
    write_all('HSET', SAGA, hash)
    write_all('HDEL', SAGA, done)
    -- The history lives and expires with the saga.
    if SETTLED[saga.status] then
      if loaded.status ~= saga.status then
        redis.call('SREM', ACTIVE, SAGA_ID)
        redis.call('PEXPIRE', SAGA, RETENTION)
        redis.call('PEXPIRE', HISTORY, RETENTION)
      end
    elseif not loaded.status and saga.status == 'CREATED' then
      -- A saga that is never started is dropped after the retention too.
      redis.call('PEXPIRE', SAGA, RETENTION)
      redis.call('PEXPIRE', HISTORY, RETENTION)
    elseif not loaded.status then
      redis.call('SADD', ACTIVE, SAGA_ID)
    elseif (loaded.status == 'CREATED' or SETTLED[loaded.status]) and saga.status ~= 'CREATED' then
      -- Started, or resumed by an operator: no longer expiring.
      redis.call('SADD', ACTIVE, SAGA_ID)
      redis.call('PERSIST', SAGA)
      redis.call('PERSIST', HISTORY)
    end
  end
  write_all('ZREM', READY, dequeue)
  if #enqueue > 0 then
    local scored = {}
    for _, entry in ipairs(enqueue) do
      scored[#scored + 1] = '0'
      scored[#scored + 1] = entry
    end
    write_all('ZADD', READY, scored)
    redis.call('SET', READY_SEQ, int(ready_seq))
    if batch then
      batch_seq_key, batch_seq = READY_SEQ, ready_seq
    end
  end
  for member, due in pairs(timers) do
    if due then
      redis.call('ZADD', TIMERS, int(due), member)
    else
      redis.call('ZREM', TIMERS, member)
    end
  end
  if #events > 0 then
    local message = { s = SAGA_ID, q = saga.seq, e = events }
    if saga and SETTLED[saga.status] and loaded.status ~= saga.status then
      message.o = outcome()
      settled_outcome = message.o or false
    end
    publish(cjson.encode(message))
  end
end

-- The reply of an applied change: code, the number of the event message it published (0 for
-- none; set by run()), retry time or '', the number of ready steps and the entry of each, then
-- the partition's ready sequence, the entry and the next entry of a step claimed from the head of
-- its queue, or '' alone for none, then '' (or the reply of a claim of another saga's step that
-- followed in the same call, see claimed_after), then each grant of claims (a list of grant()'s
-- lists, see rules.lua): its length, then its values.
local function applied(retry_at, claims)
  local reply = { R.APPLIED, 0, retry_at and int(retry_at) or '', #ready }
  for _, entry in ipairs(ready) do
    reply[#reply + 1] = entry
  end
  if queue_head then
    reply[#reply + 1] = queue_head[1]
    reply[#reply + 1] = queue_head[2]
    reply[#reply + 1] = queue_head[3]
  else
    reply[#reply + 1] = ''
  end
  reply[#reply + 1] = ''
  for _, granted in ipairs(claims or {}) do
    reply[#reply + 1] = #granted
    for _, value in ipairs(granted) do
      reply[#reply + 1] = value
    end
  end
  return reply
end

-- Puts into an applied reply that claimed nothing the reply of the claim (claim.lua's) that followed
-- it in the same call: its code, the ready sequence, the next entry (or the head, for a MISS) and the
-- entry claimed or the settled saga's facts (or ''), in the slot applied() left; a grant goes last,
-- as the applied change's grants do.
local function claimed_after(reply, claim)
  local slot = 6 + tonumber(reply[4])
  if reply[slot - 1] ~= '' then
    slot = slot + 2
  end
  reply[slot] = claim[1]
  table.insert(reply, slot + 1, claim[2])
  table.insert(reply, slot + 2, claim[3])
  table.insert(reply, slot + 3, claim[4] or '')
  if claim[1] == R.CLAIMED then
    reply[#reply + 1] = #claim - 4
    for i = 5, #claim do
      reply[#reply + 1] = claim[i]
    end
  end
end

-- Keeps the reply of request number at kept_at for a re-sent call, after the number and a space, as
-- MessagePack: its values (JSON texts among them) are copied as they are, where cjson would escape
-- every quote, and its numbers stay whole numbers, so a replay returns the very reply. The thread's
-- next request in the partition writes over it: one key a thread and partition, not a key a call
-- that Redis must create and later expire.
local function remember(kept_at, number, reply)
  if kept_at then
    redis.call('SET', kept_at, number .. ' ' .. cmsgpack.pack(reply), 'PX', REQUEST_TTL_MS)
  end
  return reply
end

-- The reply kept for this request (see remember), or nil when it is new. A thread sends its requests
-- one at a time, so a kept number above this one's means the thread gave up on this request and went
-- on: the request is a late copy of a call nobody waits for, and it is refused, not applied.
local function kept_reply(kept_at, number)
  local kept = redis.call('GETRANGE', kept_at, '0', '20')
  if kept == '' then
    return nil
  end
  local last, mine = tonumber(string.match(kept, '^%d+')), tonumber(number)
  if last < mine then
    return nil
  end
  if last > mine then
    error('BROKKR request ' .. number .. ' came after its thread\'s request ' .. last .. ': refused', 0)
  end
  return cmsgpack.unpack(string.sub(redis.call('GET', kept_at), #number + 2))
end

-- What the calling view alone is told, one line each: the message number, the status the saga
-- settled in, when it was created and its name (empty when it did not settle), the worker of the
-- expired lease (empty for none), the settled saga's outcome as JSON (empty when its results are
-- over the outcome's limit); nil when the call neither settled the saga nor expired a lease. The
-- JSON is the last line: cjson escapes line breaks.
local function own_facts()
  local settled = settled_in and SETTLED[saga.status]
  if not (settled or lease_expired) then
    return nil
  end
  local created, name, told = '', '', ''
  if settled then
    local read = redis.call('HMGET', SAGA, 'ct', 'name')
    created, name = read[1] or '', read[2] or ''
    -- The outcome its message carries (read here when the saga settled in the status it had), so
    -- that the caller's node need not read the saga for it. Not read twice when it was too long.
    local o = settled_outcome
    if o == nil then
      o = outcome()
    end
    told = o and cjson.encode(o) or ''
  end
  return table.concat({ int(saga.seq), settled and saga.status or '', created, name,
    lease_expired or '', told }, '\n')
end

-- Runs the body; commits what it changed unless it stopped. A request seen before gets the reply
-- it got then, and nothing is applied again. after, if given, runs after an applied body's commit
-- with its reply, which it may extend: a second call in the same one (it begins afresh), whose
-- result is kept with the first's for a re-sent request.
local function run(body, after)
  local request = REQUEST
  local kept_at, number
  if request then
    kept_at, number = string.match(request, '^(.*):(%d+)$')
    if not kept_at then
      error('BROKKR request key ' .. request .. ' lacks its number: <key>:<number> (RequestIds)', 0)
    end
    local kept = kept_reply(kept_at, number)
    if kept then
      return kept
    end
  end
  local ok, reply = pcall(body)
  if not ok then
    if type(reply) == 'table' and reply.brokkr then
      return remember(kept_at, number, reply.brokkr)
    end
    error(reply, 0)
  end
  commit()
  if reply[1] == R.APPLIED and #events > 0 then
    reply[2] = own_facts() or saga.seq
  elseif reply[1] == R.DROPPED and #events > 0 then
    -- A claim that failed its step for good (inputs over the claim limit) may settle the saga: its
    -- facts follow the next head.
    reply[4] = own_facts()
  end
  if after and reply[1] == R.APPLIED then
    after(reply)
    REQUEST = request
  end
  return remember(kept_at, number, reply)
end

