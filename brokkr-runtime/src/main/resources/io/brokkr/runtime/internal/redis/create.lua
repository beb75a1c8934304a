#!lua
-- createSaga: an empty CREATED saga. ARGV from 4: its name, or '' for none; its trace context (JSON), or ''.
return run(function()
  if redis.call('EXISTS', SAGA) == 1 then
    stop(R.REJECTED, 'SAGA_EXISTS')
  end
  saga = { status = 'CREATED', seq = 0, tok = 0, open = 0, order = '', name = ARGV[4] ~= '' and ARGV[4] or nil }
  fields.order = ''
  if ARGV[5] and ARGV[5] ~= '' then
    fields.tc = ARGV[5]
  end
  return applied()
end)
