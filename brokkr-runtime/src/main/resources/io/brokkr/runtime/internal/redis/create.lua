#!lua
-- createSaga: an empty CREATED saga. ARGV from 4: its name, or '' for none.
return run(function()
  if redis.call('EXISTS', SAGA) == 1 then
    stop(R.REJECTED, 'SAGA_EXISTS')
  end
  saga = { status = 'CREATED', seq = 0, tok = 0, open = 0, order = '', name = ARGV[4] ~= '' and ARGV[4] or nil }
  fields.order = ''
  return applied()
end)
