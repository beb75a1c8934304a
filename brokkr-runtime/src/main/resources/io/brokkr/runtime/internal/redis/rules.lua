-- The rules of sagas and steps (SagaStore's class comment), loaded after common.lua: new steps,
-- retries, finishing a saga, the compensation pass, failing an attempt, who may settle a step.

-- A new step from ARGV[first] on: id, worker, args JSON, max attempts, initial backoff ms,
-- multiplier, max backoff ms, timeout ms or ''; its dependencies are deps (a list, maybe empty).
local function step_from(first, status, deps)
  local id = ARGS[first]
  local s = {
    id = id, w = ARGS[first + 1], st = status, a = 0,
    -- The policy stays text: Java reads back exactly the double it wrote, and cjson copies text where
    -- it formats a number with the C library's floating-point printf at every write of the state.
    -- Read it with tonumber(): states written before keep numbers.
    r = { ARGS[first + 3], ARGS[first + 4], ARGS[first + 5], ARGS[first + 6] },
    to = tonumber(ARGS[first + 7]),
  }
  if #deps > 0 then
    s.d = deps
  end
  steps[id] = s
  touch(s)
  fields['a:' .. id] = ARGS[first + 2]
  return s
end

-- A new step from ARGV[first] on, as step_from, then its dependencies up to the end of ARGV.
-- Checked before it is added.
local function new_step(first, status, check_dependencies)
  local id = ARGS[first]
  if redis.call('HEXISTS', SAGA, 's:' .. id) == 1 then
    stop(R.REJECTED, 'DUPLICATE_STEP', id)
  end
  local deps, seen = {}, {}
  for i = first + 8, #ARGS do
    local d = ARGS[i]
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
  local s = step_from(first, status, deps)
  local current = order_text()
  saga.order = current == '' and id or current .. '\n' .. id
  fields.order = saga.order
  order = nil
  return s
end

-- Records s as a dependent of each of its dependencies.
local function link_dependents(s)
  for _, d in ipairs(s.d or {}) do
    local dependency = step(d)
    dependency.dn = dependency.dn or {}
    dependency.dn[#dependency.dn + 1] = s.id
    touch(dependency)
  end
end

-- Retries happen only while the step's phase lasts: actions while RUNNING, compensators after.
local function may_retry(s)
  local phase = (s.of and saga.status == 'COMPENSATING') or (not s.of and saga.status == 'RUNNING')
  -- ab: the attempts before an operator's retry; the policy counts the attempts after it.
  return phase and s.a - (s.ab or 0) < tonumber(s.r[1])
end

-- RetryPolicy.backoffBefore: initial * multiplier^(attempt - 2), at most the maximum.
local function backoff(s, attempt)
  local ms = tonumber(s.r[2]) * tonumber(s.r[3]) ^ (attempt - 2)
  local max = tonumber(s.r[4])
  if ms >= max then
    return max
  end
  return math.floor(ms)
end

-- The saga's compensators are listed in the field cs (one id a line), so that finishing a saga
-- reads them alone.
local function add_to_compensators(id)
  local current = cs_text()
  fields.cs = current == '' and id or current .. '\n' .. id
end

local function finish_saga()
  local cs = cs_text()
  for id in string.gmatch(cs, '[^\n]+') do
    local c = step(id)
    if c.st == 'WAITING_FOR_COMPENSATION' then
      move(c, 'SKIPPED')
    end
  end
  move_saga('FINISHED')
end

-- Queues the steps of list that are still CREATED; FINISHES the saga when no action is left open.
local function queue_then_settle(list)
  for _, s in ipairs(list) do
    if s.st == 'CREATED' then
      queue(s)
    end
  end
  if saga.open == 0 then
    finish_saga()
  end
end

-- CREATED -> RUNNING: queues the actions without dependencies; FINISHED at once without any.
local function start_saga(list)
  move_saga('RUNNING')
  local roots = {}
  for _, s in ipairs(list) do
    if not s.d then
      roots[#roots + 1] = s
    end
  end
  queue_then_settle(roots)
end

-- CompensationPass, incremental. Each action keeps its verdict cv once it is decided (UNDONE or
-- BLOCKED; nil while PENDING), how many of its dependents are still pending (cp) and how many are
-- BLOCKED (cb); the saga keeps how many actions are pending (field up) and whether one is BLOCKED
-- (field ub). A change decides the step it changed, and a decided step visits its dependencies
-- only: a completion costs its dependencies, not the saga's size.
local UNDONE, PENDING, BLOCKED = 0, 1, 2

local function skip_compensator(c)
  if c and c.st == 'WAITING_FOR_COMPENSATION' then
    move(c, 'SKIPPED')
  end
end

-- Whether the saga must undo s: it finished, or it is possibly done (an attempt's outcome is
-- unknown) and never finished. A step that failed explicitly did nothing.
local function to_undo(s)
  return s.st == 'FINISHED' or (s.pd and (s.st == 'FAILED' or s.st == 'SKIPPED'))
end

-- The verdict of an action not decided yet, from its status and its dependents' counts.
local function decide(s)
  local c = s.c and step(s.c)
  if s.st == 'COMPENSATED' then
    return UNDONE
  elseif s.st == 'FAILED' and c and c.st == 'FAILED' then
    return BLOCKED
  elseif to_undo(s) then
    if s.cp > 0 then
      return PENDING
    end
    if s.cb > 0 then
      -- Its compensator waits: it runs once an operator retries or resolves what blocks it.
      return BLOCKED
    end
    if not c then
      return UNDONE
    end
    if s.pd then
      -- Its compensator runs without the step's result: it is told so.
      c.pd = true
    end
    move(s, 'COMPENSATING')
    queue(c)
    return PENDING
  elseif s.st == 'SKIPPED' or s.st == 'FAILED' then
    skip_compensator(c)
    return UNDONE
  end
  return PENDING
end

-- Decides s if it is pending; a decided s tells its dependencies, and those it leaves with no
-- pending dependent go to worklist (if given).
local function settle_undo(s, worklist)
  if s.cv then
    return
  end
  local v = decide(s)
  if v == PENDING then
    return
  end
  s.cv = v
  touch(s)
  undo.pending = undo.pending - 1
  undo.blocked = undo.blocked or v == BLOCKED
  for _, id in ipairs(s.d or {}) do
    local d = step(id)
    d.cp = d.cp - 1
    if v == BLOCKED then
      d.cb = d.cb + 1
    end
    touch(d)
    if worklist and d.cp == 0 then
      worklist[#worklist + 1] = d
    end
  end
end

-- Settles the saga once no action is pending.
local function settle_saga_undo()
  fields.up = undo.pending
  fields.ub = undo.blocked and 1 or 0
  if undo.pending == 0 then
    move_saga(undo.blocked and 'FAILED' or 'COMPENSATED')
  end
end

-- The whole pass, when compensation begins or resumes after an operator's retry or resolve: the
-- actions backwards, so that each is decided after its dependents.
local function first_compensation_pass()
  local list = actions()
  undo = { pending = #list, blocked = false }
  for _, s in ipairs(list) do
    s.cv, s.cp, s.cb = nil, #(s.dn or {}), 0
    touch(s)
  end
  for i = #list, 1, -1 do
    settle_undo(list[i], nil)
  end
  settle_saga_undo()
end

-- After changed (an action whose status changed) in a COMPENSATING saga: decides it, then the
-- dependencies it leaves without pending dependents, and so on.
local function compensation_pass(changed)
  if saga.status ~= 'COMPENSATING' then
    return
  end
  if not undo then
    local v = redis.call('HMGET', SAGA, 'up', 'ub')
    undo = { pending = tonumber(v[1]), blocked = v[2] == '1' }
  end
  local worklist = { changed }
  local i = 1
  while worklist[i] do
    settle_undo(worklist[i], worklist)
    i = i + 1
  end
  settle_saga_undo()
end

local function begin_compensation()
  move_saga('COMPENSATING')
  for _, s in ipairs(actions()) do
    if s.st == 'CREATED' or s.st == 'QUEUED' then
      move(s, 'SKIPPED')
    end
  end
  first_compensation_pass()
end

local function advance_after_finish(s)
  if saga.status == 'COMPENSATING' then
    compensation_pass(s)
    return
  end
  local made_ready = {}
  for _, id in ipairs(s.dn or {}) do
    if dependency_finished(id) == 0 then
      made_ready[#made_ready + 1] = step(id)
    end
  end
  queue_then_settle(made_ready)
end

-- Finishes s (its settler checked by the caller) with a result JSON, or nil for none, and advances
-- the saga: a compensator's step is COMPENSATED.
local function finish_step(s, result)
  if result then
    fields['r:' .. s.id] = result
  end
  s.fr, s.fd, s.pd = nil, nil, nil
  move(s, 'FINISHED')
  if s.of then
    local target = step(s.of)
    move(target, 'COMPENSATED')
    compensation_pass(target)
  else
    saga.open = saga.open - 1
    advance_after_finish(s)
  end
end

-- Fails the attempt holding the step (token checked by the caller): retried or failed for good.
-- detail: the attempt's stack trace, or nil for none; a failed compensator's step gets it too.
local function fail_attempt(s, by_attempt, reason, now, detail)
  s.fr, s.fd = reason, detail
  if by_attempt and may_retry(s) then
    local at = now + backoff(s, s.a + 1)
    s.ra = at
    move(s, 'QUEUED')
    timers[timer_member(s)] = at
    return at
  end
  move(s, 'FAILED')
  if s.of then
    local target = step(s.of)
    target.fr, target.fd = 'compensator "' .. s.id .. '" failed: ' .. reason, detail
    move(target, 'FAILED')
    compensation_pass(target)
  elseif saga.status == 'RUNNING' then
    fields.fail = cjson.encode({ s = s.id, r = reason })
    begin_compensation()
  else
    compensation_pass(s)
  end
  return nil
end

-- Fails the attempt holding the step whose outcome is unknown (it timed out, or lost its lease):
-- the step is possibly done from now on, until an attempt finishes it.
local function fail_unknown(s, reason, now)
  s.pd = true
  return fail_attempt(s, true, reason, now)
end

-- Hands the attempt holding the step back without counting it (its node closes, or could not run
-- it): claimable again at once while the step's phase lasts, else failed. A body that may have
-- run leaves the step possibly done.
local function hand_back(s, may_have_run)
  if may_have_run then
    s.pd = true
  end
  local phase = (s.of and saga.status == 'COMPENSATING') or (not s.of and saga.status == 'RUNNING')
  if not phase then
    fail_attempt(s, false, 'attempt handed back after the saga moved on', 0)
    return
  end
  s.a = s.a - 1
  move(s, 'QUEUED')
  push(s)
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
-- while the step is QUEUED or RUNNING. A token that does not hold the step (a newer attempt was
-- granted, or its lease expired) is STALE; the last attempt's token once the step moved on, NOOP.
local function settleable(id, token)
  require_saga(id)
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

-- Grants the QUEUED step s to an attempt of node under a new lease: RUNNING, a fresh fencing token.
-- Returns the step, then values: its args and its dependencies' results (see inputs).
-- The most a claim's reply may carry of a step's inputs: its args and its dependencies' results
-- (StoreLimits.CLAIM_LIMIT). Each is within the payload limit; a join of many may not be.
local CLAIM_LIMIT = 64 * 1024 * 1024

-- The args and dependency results a claim of s hands over (this call's own writes included), and
-- their size in bytes.
local function inputs(s)
  local names = { 'a:' .. s.id }
  for _, d in ipairs(s.d or {}) do
    names[#names + 1] = 'r:' .. d
  end
  local values = read_fields(names)
  local list, size = {}, 0
  for i, name in ipairs(names) do
    list[i] = fields[name] or values[i] or 'null'
    size = size + #list[i]
  end
  return list, size
end

-- Why the inputs of s cannot be claimed (worded as StoreLimits.inputsTooLarge), or nil.
local function inputs_too_large(s, size)
  if size <= CLAIM_LIMIT then
    return nil
  end
  return 'the inputs of step "' .. s.id .. '" (its args and its dependencies\' results) are '
    .. string.format('%.0f', size) .. ' bytes of JSON, over the claim limit of ' .. CLAIM_LIMIT .. ' bytes'
end

local function grant(s, node, now, lease, values)
  -- The attempt first, so that the history's entry of the move names it.
  saga.tok = saga.tok + 1
  s.a = s.a + 1
  s.t = saga.tok
  s.o = node
  move(s, 'RUNNING')
  s.u = now + lease
  if s.to then
    s.dl = now + s.to
  end
  timers[timer_member(s)] = lease_due(s)
  -- The saga's trace context goes with the grant's state, not into the stored step.
  s.tc = fields.tc or loaded.tc
  local granted = { cjson.encode(s) }
  s.tc = nil
  for i, value in ipairs(values) do
    granted[i + 1] = value
  end
  return granted
end

local function remove(list, value)
  for i = #list, 1, -1 do
    if list[i] == value then
      table.remove(list, i)
      return
    end
  end
end

-- Claims for node, at once, up to max steps this call made ready for the workers named in
-- ARGV[first] to ARGV[last], in the order they became ready: their entries are taken back before
-- they are written or announced. Returns a list of grant()'s lists.
local function claim_made_ready(node, now, lease, first, last, max)
  local local_workers = {}
  for i = first, last do
    local_workers[ARGS[i]] = true
  end
  local grants = {}
  for _, s in ipairs(pushed) do
    if #grants >= max then
      break
    end
    if local_workers[s.w] and s.st == 'QUEUED' and not s.ra then
      for i, entry in ipairs(enqueue) do
        if entry == s.q then
          local values, size = inputs(s)
          -- Inputs over the claim limit stay queued: the claim from the queue fails the step.
          if not inputs_too_large(s, size) then
            table.remove(enqueue, i)
            remove(ready, s.q)
            for k = #events, 1, -1 do
              if events[k][1] == 'R' and events[k][2] == s.id then
                table.remove(events, k)
                break
              end
            end
            s.q = nil
            grants[#grants + 1] = grant(s, node, now, lease, values)
          end
          break
        end
      end
    end
  end
  return grants
end

-- Whether worker is one of ARGV[first] to ARGV[last], the calling node's workers.
local function runs_here(worker, first, last)
  for i = first, last do
    if ARGS[i] == worker then
      return true
    end
  end
  return false
end

-- Whether entry is s's current entry and s may be claimed from it (not a retry waiting for its backoff).
local function queued_at(s, entry)
  return s and s.st == 'QUEUED' and s.q == entry and not s.ra
end

-- Claims for node the head of worker's queue (in this saga's partition) when it is a step of this
-- saga that a claim from the queue would grant now: a finish that made no step ready for its node
-- hands the thread the saga's next queued step of the same worker (the leaves of a fan-out) without
-- a claim call of its own. Returns a list of grant()'s lists, one or none; the reply tells the queue's
-- new head (queue_head).
local function claim_queued_head(worker, node, now, lease)
  -- The entries this call takes out are still there until commit(): they are passed over.
  local taken = {}
  for _, entry in ipairs(dequeue) do
    taken[entry] = true
  end
  local heads = worker_heads(worker, #dequeue + 2)
  local left = {}
  for _, entry in ipairs(heads) do
    if not taken[entry] then
      left[#left + 1] = entry
    end
  end
  local head = left[1]
  if not head then
    return {}
  end
  local saga_id, id = entry_step(head)
  if saga_id ~= SAGA_ID then
    return {}
  end
  local s = step(id)
  if not queued_at(s, head) then
    return {}
  end
  local values, size = inputs(s)
  -- Inputs over the claim limit stay queued: the claim from the queue fails the step.
  if inputs_too_large(s, size) then
    return {}
  end
  queue_head = { redis.call('GET', READY_SEQ) or '0', head, left[2] or '' }
  return { grant(s, node, now, lease, values) }
end

-- Makes the call one about another saga of the partition (begin() with its keys): a claim whose entry
-- another claimer took claims the queue's new head, whichever saga's. Its keys are of the call's
-- slot (the partition's hash tag, KeyLayout): the saga's hash and its history, as KeyLayout names them.
local function switch_to_saga(saga_id)
  local tag = string.sub(SAGA, 1, #SAGA - #SAGA_ID - #':saga:')
  begin({ tag .. ':saga:' .. saga_id, READY, TIMERS, ACTIVE, READY_SEQ, INDEX, tag .. ':h:' .. saga_id, REQUEST },
    { saga_id, CHANNEL, RETENTION })
end

-- Claims for node the step of entry head (step id) when head still heads worker's queue; when another
-- claimer took it, the queue's new head instead, a step of this saga or another's (the call then is
-- about that saga), so that a node racing others for a queue makes one call a claim. Returns
-- claim.lua's reply (see there); stops with MISS when the queue is empty, or when the new head, of
-- another saga, is not one to grant now (the next claim names it and drops it, or fails its step).
local function claim_entry(worker, head, id, node, now, lease)
  local seq = redis.call('GET', READY_SEQ) or '0'
  local heads = worker_heads(worker, 2)
  local overtaken = false
  if heads[1] ~= head then
    if not heads[1] then
      stop(R.MISS, seq, '')
    end
    local saga_id, head_step = entry_step(heads[1])
    if saga_id ~= SAGA_ID then
      switch_to_saga(saga_id)
      overtaken = true
    end
    head, id = heads[1], head_step
  end
  local following = heads[2] or ''
  local s = load_saga(id) and step(id)
  if not queued_at(s, head) then
    if overtaken then
      stop(R.MISS, seq, head)
    end
    dequeue[#dequeue + 1] = head
    return { R.DROPPED, seq, following }
  end
  local values, size = inputs(s)
  local too_large = inputs_too_large(s, size)
  if too_large then
    if overtaken then
      stop(R.MISS, seq, head)
    end
    -- Nothing was done: an explicit failure, for good (no retry could shrink the inputs).
    fail_attempt(s, false, too_large, now)
    return { R.DROPPED, seq, following }
  end
  local granted = grant(s, node, now, lease, values)
  local reply = { R.CLAIMED, seq, following, head }
  for i, value in ipairs(granted) do
    reply[i + 4] = value
  end
  return reply
end

-- FAILED -> COMPENSATING after an operator's retry or resolve; the pass then runs over every action.
local function resume_compensation()
  if saga.status == 'FAILED' then
    move_saga('COMPENSATING')
  end
end

-- An operator retries a FAILED saga: each compensator that failed for good is queued for a new
-- attempt (its policy counts afresh), its step compensates again, and the pass runs anew.
local function retry_saga(author)
  act('RETRY', nil, author, '')
  resume_compensation()
  for id in string.gmatch(cs_text(), '[^\n]+') do
    local c = step(id)
    if c.st == 'FAILED' then
      local target = step(c.of)
      target.fr, target.fd = nil, nil
      move(target, 'COMPENSATING')
      c.ab = c.a
      queue(c)
    end
  end
  first_compensation_pass()
end

-- The step a resolve of s settles: its compensator when that is what failed or runs.
local function resolvable(s)
  local c = s.c and step(s.c)
  if c and (s.st == 'COMPENSATING' or (s.st == 'FAILED' and c.st == 'FAILED')) then
    return c
  end
  return s
end

-- An operator settles a compensator that failed for good: it counts as finished, its step as
-- compensated, and compensation goes on.
local function resolve_failed_compensator(c)
  resume_compensation()
  c.fr, c.fd = nil, nil
  move(c, 'FINISHED')
  local target = step(c.of)
  target.fr, target.fd = nil, nil
  move(target, 'COMPENSATED')
  first_compensation_pass()
end
