#!lua
-- createSaga: an empty CREATED saga. ARGV from 4: none.
return run(function()
  if redis.call('EXISTS', SAGA) == 1 then
    stop(R.REJECTED, 'SAGA_EXISTS')
  end
  saga = { status = 'CREATED', seq = 0, tok = 0, open = 0, order = '' }
  fields.order = ''
  return applied()
end)
