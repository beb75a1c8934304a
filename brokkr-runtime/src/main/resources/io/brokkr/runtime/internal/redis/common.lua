-- The saga model every transition script shares; the registry loads it in front of each script.
--
-- KEYS: 1 the saga's hash, 2 the partition's ready set, 3 its timers, 4 its active sagas, 5 its
-- ready sequence. All five carry the partition's hash tag, so a call touches one slot.
-- ARGV: 1 the saga's id, 2 the event channel, 3 the retention of settled sagas in ms; the script's
-- own arguments follow from 4 on.
--
-- A script reads and decides first and writes last: a body changes only the Lua tables below, and
-- commit() writes them once the body returned. A body that stops (a rejection, a stale token, an
-- illegal move) has written nothing.

local SAGA, READY, TIMERS, ACTIVE, READY_SEQ = KEYS[1], KEYS[2], KEYS[3], KEYS[4], KEYS[5]
local SAGA_ID, CHANNEL, RETENTION = ARGV[1], ARGV[2], ARGV[3]

-- Result codes, decoded by ScriptResult on the Java side.
local R = { APPLIED = 0, NOOP = 1, STALE = 2, REJECTED = 3, ILLEGAL = 4, CLAIMED = 5, MISS = 6, DROPPED = 7 }

-- The transition tables of StepTransition and SagaTransition (a test compares them with the enums).
local STEP_MOVES = {
  CREATED = { QUEUED = 'READY', SKIPPED = 'SKIP_CREATED' },
  QUEUED = { RUNNING = 'CLAIM', FINISHED = 'FINISH_QUEUED', FAILED = 'FAIL_QUEUED', SKIPPED = 'SKIP_QUEUED' },
  RUNNING = { FINISHED = 'FINISH', FAILED = 'FAIL', QUEUED = 'RETRY' },
  FINISHED = { COMPENSATING = 'COMPENSATE' },
  COMPENSATING = { COMPENSATED = 'COMPENSATED_BY', FAILED = 'COMPENSATION_FAILED' },
  WAITING_FOR_COMPENSATION = { QUEUED = 'NEEDED', SKIPPED = 'NOT_NEEDED' },
}
local SAGA_MOVES = {
  CREATED = { RUNNING = 'START' },
  RUNNING = { FINISHED = 'FINISH', COMPENSATING = 'COMPENSATE' },
  COMPENSATING = { COMPENSATED = 'COMPENSATED_ALL', FAILED = 'COMPENSATION_FAILED' },
}
local SETTLED = { FINISHED = true, COMPENSATED = true, FAILED = true }

local saga             -- the saga's own fields; nil until loaded or when it does not exist
local loaded = {}      -- the same fields as read, to write back only what changed
local steps = {}       -- decoded step states by id
local touched, touched_set = {}, {}
local fields = {}      -- further saga hash fields to write: args, results, order, failure
local events = {}
local ready = {}       -- the queue entries of the steps made claimable
local enqueue, dequeue = {}, {}
local timers = {}      -- timer member -> due ms, or false to remove it
local ready_seq        -- the partition's last ready sequence number, once read
local order            -- the saga's step ids in the order they were added, once read

-- Ends the body early; run() returns the values and nothing is written.
local function stop(...)
  error({ brokkr = { ... } }, 0)
end

local function load_saga()
  if saga then
    return saga
  end
  local v = redis.call('HMGET', SAGA, 'status', 'seq', 'tok', 'open', 'order')
  if not v[1] then
    return nil
  end
  loaded = { status = v[1], seq = tonumber(v[2]), tok = tonumber(v[3]), open = tonumber(v[4]) }
  saga = { status = loaded.status, seq = loaded.seq, tok = loaded.tok, open = loaded.open, order = v[5] }
  return saga
end

local function require_saga()
  if not load_saga() then
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

local function ids()
  if not order then
    order = {}
    for id in string.gmatch(saga.order or '', '[^\n]+') do
      order[#order + 1] = id
    end
  end
  return order
end

-- A new step from ARGV[first] on: id, worker, args JSON, max attempts, initial backoff ms,
-- multiplier, max backoff ms, timeout ms or '', then its dependencies. Checked before it is added.
local function new_step(first, status, check_dependencies)
  local id = ARGV[first]
  if redis.call('HEXISTS', SAGA, 's:' .. id) == 1 then
    stop(R.REJECTED, 'DUPLICATE_STEP', id)
  end
  local deps, seen = {}, {}
  for i = first + 8, #ARGV do
    local d = ARGV[i]
    if check_dependencies then
      local dependency = step(d)
      if not dependency then
        stop(R.REJECTED, 'UNKNOWN_DEPENDENCY', id, d)
      end
      if seen[d] then
        stop(R.REJECTED, 'DUPLICATE_DEPENDENCY', id, d)
      end
      if dependency.of then
        stop(R.REJECTED, 'DEPENDENCY_ON_COMPENSATOR', id, d)
      end
      seen[d] = true
    end
    deps[#deps + 1] = d
  end
  local s = {
    id = id, w = ARGV[first + 1], st = status, a = 0,
    -- The multiplier stays text, so that Java reads back exactly the double it wrote.
    r = { tonumber(ARGV[first + 3]), tonumber(ARGV[first + 4]), ARGV[first + 5], tonumber(ARGV[first + 6]) },
    to = tonumber(ARGV[first + 7]),
  }
  if #deps > 0 then
    s.d = deps
  end
  steps[id] = s
  touch(s)
  fields['a:' .. id] = ARGV[first + 2]
  local list = ids()
  list[#list + 1] = id
  fields.order = table.concat(list, '\n')
  return s
end

-- Every step in the order added, read with one HMGET.
local function all_steps()
  local missing = {}
  for _, id in ipairs(ids()) do
    if steps[id] == nil then
      missing[#missing + 1] = 's:' .. id
    end
  end
  if #missing > 0 then
    local raw = redis.call('HMGET', SAGA, unpack(missing))
    for _, json in ipairs(raw) do
      local s = cjson.decode(json)
      steps[s.id] = s
    end
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

local function new_entry(s)
  if not ready_seq then
    ready_seq = tonumber(redis.call('GET', READY_SEQ) or '0')
  end
  ready_seq = ready_seq + 1
  -- Zero-padded, so the lexical order of one worker's entries is the order they were queued.
  return s.w .. '\n' .. string.format('%015.0f', ready_seq) .. '\n' .. SAGA_ID .. '\n' .. s.id
end

-- Makes a QUEUED step claimable; a step whose entry is still queued keeps it.
local function push(s)
  if not (s.q and redis.call('ZSCORE', READY, s.q)) then
    s.q = new_entry(s)
    touch(s)
    enqueue[#enqueue + 1] = s.q
  end
  ready[#ready + 1] = s.q
  events[#events + 1] = { 'R', s.id, s.w, s.q }
end

-- Moves a step along the table; what leaving QUEUED or RUNNING releases goes with the move.
local function move(s, to)
  local from = s.st
  if not (STEP_MOVES[from] and STEP_MOVES[from][to]) then
    stop(R.ILLEGAL, s.id, from, to)
  end
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
  if not (SAGA_MOVES[from] and SAGA_MOVES[from][to]) then
    stop(R.ILLEGAL, '', from, to)
  end
  saga.status = to
  events[#events + 1] = { 'S', from, to }
end

local function queue(s)
  move(s, 'QUEUED')
  push(s)
end

local function all_finished(s)
  for _, d in ipairs(s.d or {}) do
    if step(d).st ~= 'FINISHED' then
      return false
    end
  end
  return true
end

-- Retries happen only while the step's phase lasts: actions while RUNNING, compensators after.
local function may_retry(s)
  local phase = (s.of and saga.status == 'COMPENSATING') or (not s.of and saga.status == 'RUNNING')
  return phase and s.a < s.r[1]
end

-- RetryPolicy.backoffBefore: initial * multiplier^(attempt - 2), at most the maximum.
local function backoff(s, attempt)
  local ms = s.r[2] * tonumber(s.r[3]) ^ (attempt - 2)
  if ms >= s.r[4] then
    return s.r[4]
  end
  return math.floor(ms)
end

local function finish_saga()
  for _, s in ipairs(all_steps()) do
    if s.st == 'WAITING_FOR_COMPENSATION' then
      move(s, 'SKIPPED')
    end
  end
  move_saga('FINISHED')
end

-- CompensationPass: walks the actions backwards, so each step is decided after its dependents.
local UNDONE, PENDING, BLOCKED = 0, 1, 2

local function skip_compensator(c)
  if c and c.st == 'WAITING_FOR_COMPENSATION' then
    move(c, 'SKIPPED')
  end
end

local function dependents_verdict(s, verdicts)
  local worst = UNDONE
  for _, d in ipairs(s.dn or {}) do
    local v = verdicts[d]
    if v == PENDING then
      return PENDING
    end
    if v == BLOCKED then
      worst = BLOCKED
    end
  end
  return worst
end

local function decide(s, verdicts)
  local c = s.c and step(s.c)
  if s.st == 'COMPENSATED' then
    return UNDONE
  elseif s.st == 'SKIPPED' then
    skip_compensator(c)
    return UNDONE
  elseif s.st == 'FAILED' then
    if c and c.st == 'FAILED' then
      return BLOCKED
    end
    skip_compensator(c)
    return UNDONE
  elseif s.st == 'FINISHED' then
    local dependents = dependents_verdict(s, verdicts)
    if dependents == BLOCKED then
      skip_compensator(c)
    end
    if dependents ~= UNDONE then
      return dependents
    end
    if not c then
      return UNDONE
    end
    move(s, 'COMPENSATING')
    queue(c)
    return PENDING
  end
  return PENDING
end

local function compensation_pass()
  if saga.status ~= 'COMPENSATING' then
    return
  end
  local list = actions()
  local verdicts = {}
  local pending, blocked = false, false
  for i = #list, 1, -1 do
    local v = decide(list[i], verdicts)
    verdicts[list[i].id] = v
    pending = pending or v == PENDING
    blocked = blocked or v == BLOCKED
  end
  if not pending then
    move_saga(blocked and 'FAILED' or 'COMPENSATED')
  end
end

local function begin_compensation()
  move_saga('COMPENSATING')
  for _, s in ipairs(actions()) do
    if s.st == 'CREATED' or s.st == 'QUEUED' then
      move(s, 'SKIPPED')
    end
  end
  compensation_pass()
end

local function advance_after_finish(s)
  if saga.status == 'COMPENSATING' then
    compensation_pass()
    return
  end
  for _, id in ipairs(s.dn or {}) do
    local dependent = step(id)
    if dependent.st == 'CREATED' and all_finished(dependent) then
      queue(dependent)
    end
  end
  if saga.open == 0 then
    finish_saga()
  end
end

-- Fails the attempt holding the step (token checked by the caller): retried or failed for good.
local function fail_attempt(s, by_attempt, reason, now)
  s.fr = reason
  if by_attempt and may_retry(s) then
    local at = now + backoff(s, s.a + 1)
    move(s, 'QUEUED')
    s.ra = at
    timers[timer_member(s)] = at
    return at
  end
  move(s, 'FAILED')
  if s.of then
    local target = step(s.of)
    target.fr = 'compensator "' .. s.id .. '" failed: ' .. reason
    move(target, 'FAILED')
    compensation_pass()
  elseif saga.status == 'RUNNING' then
    fields.fail = cjson.encode({ s = s.id, r = reason })
    begin_compensation()
  else
    compensation_pass()
  end
  return nil
end

-- Ends a QUEUED step's backoff and makes it claimable.
local function requeue(s)
  if s.ra then
    s.ra = nil
    timers[timer_member(s)] = false
    touch(s)
  end
  push(s)
end

-- The step a settler may settle now: the attempt holding the token, or anyone outside the engine
-- while the step is QUEUED or RUNNING. A token of an older attempt is STALE; a settled step a NOOP.
local function settleable(id, token)
  require_saga()
  local s = step(id)
  if not s then
    stop(R.REJECTED, 'NO_SUCH_STEP', id)
  end
  if token then
    if s.st == 'RUNNING' and s.t == token then
      return s
    end
    if s.t == token then
      stop(R.NOOP)
    end
    stop(R.STALE)
  end
  if s.st == 'CREATED' or s.st == 'WAITING_FOR_COMPENSATION' then
    stop(R.REJECTED, 'NOT_STARTED', id, s.st)
  end
  if s.st ~= 'QUEUED' and s.st ~= 'RUNNING' then
    stop(R.NOOP)
  end
  return s
end

-- Writes in chunks: unpack() of a long list would overflow Lua's stack.
local function write_all(command, key, list)
  for i = 1, #list, 500 do
    redis.call(command, key, unpack(list, i, math.min(i + 499, #list)))
  end
end

local function commit()
  if saga then
    if #events > 0 then
      saga.seq = saga.seq + 1
    end
    local hash = {}
    for _, name in ipairs({ 'status', 'seq', 'tok', 'open' }) do
      if saga[name] ~= loaded[name] then
        hash[#hash + 1] = name
        hash[#hash + 1] = saga[name]
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
    write_all('HSET', SAGA, hash)
    if SETTLED[saga.status] then
      if loaded.status ~= saga.status then
        redis.call('SREM', ACTIVE, SAGA_ID)
        redis.call('PEXPIRE', SAGA, RETENTION)
      end
    elseif not loaded.status then
      -- A saga that is never started is dropped after the retention too.
      redis.call('PEXPIRE', SAGA, RETENTION)
    elseif loaded.status == 'CREATED' and saga.status ~= 'CREATED' then
      redis.call('SADD', ACTIVE, SAGA_ID)
      redis.call('PERSIST', SAGA)
    end
  end
  write_all('ZREM', READY, dequeue)
  if #enqueue > 0 then
    local scored = {}
    for _, entry in ipairs(enqueue) do
      scored[#scored + 1] = 0
      scored[#scored + 1] = entry
    end
    write_all('ZADD', READY, scored)
    redis.call('SET', READY_SEQ, string.format('%.0f', ready_seq))
  end
  for member, due in pairs(timers) do
    if due then
      redis.call('ZADD', TIMERS, due, member)
    else
      redis.call('ZREM', TIMERS, member)
    end
  end
  if #events > 0 then
    redis.call('PUBLISH', CHANNEL, cjson.encode({ s = SAGA_ID, q = saga.seq, e = events }))
  end
end

-- The reply of an applied change: code, retry time or '', then the entry of each ready step.
local function applied(retry_at)
  local reply = { R.APPLIED, retry_at and string.format('%.0f', retry_at) or '' }
  for _, entry in ipairs(ready) do
    reply[#reply + 1] = entry
  end
  return reply
end

-- Runs the body; commits what it changed unless it stopped.
local function run(body)
  local ok, reply = pcall(body)
  if not ok then
    if type(reply) == 'table' and reply.brokkr then
      return reply.brokkr
    end
    error(reply, 0)
  end
  commit()
  return reply
end
