#!lua
-- claimNext for the queue entry the node expects at the head of its worker's queue (KEYS[1] is the
-- entry's saga). ARGV from 4: worker, expected entry, step id, node id, now ms, lease ms.
-- When another claimer took the expected entry, the queue's new head is claimed instead, a step of
-- the same saga (a fan-out's leaves) or of another of the partition (its keys of the call's slot).
-- Each reply carries the partition's ready sequence, up to which the node's view of the queue is
-- now current: MISS with the real head when the queue is empty, or when its new head is another
-- saga's that cannot be granted now (stale, or over the claim limit); DROPPED with the next head
-- when the entry is stale, or when the step's inputs are over the claim limit (the step fails for
-- good); CLAIMED with the next head, the entry claimed, the step, its args and its dependencies' results.
return run(function()
  return claim_entry(ARGV[4], ARGV[5], ARGV[6], ARGV[7], tonumber(ARGV[8]), tonumber(ARGV[9]))
end)
