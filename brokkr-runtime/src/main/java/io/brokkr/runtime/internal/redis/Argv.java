package io.brokkr.runtime.internal.redis;

import java.util.List;

/**
 * The ARGV of a transition script: what every script reads first (the saga, the event channel, the
 * retention of settled sagas, see common.lua), then the script's own values.
 */
record Argv(String channel, long retentionMillis) {

  Object[] of(String sagaId, List<?> own) {
    Object[] all = new Object[3 + own.size()];
    all[0] = sagaId;
    all[1] = channel;
    all[2] = retentionMillis;
    for (int i = 0; i < own.size(); i++) {
      all[3 + i] = own.get(i);
    }
    return all;
  }
}
