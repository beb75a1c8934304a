package io.brokkr.bench;

/** A run as the peer saw it and as Redis saw it. */
record MeasuredRun(RawRun raw, RedisUsage redis) {}
