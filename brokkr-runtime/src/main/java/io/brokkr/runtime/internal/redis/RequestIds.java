package io.brokkr.runtime.internal.redis;

import java.util.concurrent.ThreadLocalRandom;

/**
 * Request ids of transitions: 128 random bits, as the key {@code {tag}:rq:<id>} in the slot of the
 * call's first key, where the script keeps its reply for a call that is re-sent.
 */
final class RequestIds {
  private RequestIds() {}

  /** A new request key in the hash slot of {@code key}, whose hash tag ends at its first '}'. */
  static String keyInSlotOf(String key) {
    String tag = key.substring(0, key.indexOf('}') + 1);
    ThreadLocalRandom random = ThreadLocalRandom.current();
    return tag + ":rq:" + Long.toHexString(random.nextLong()) + Long.toHexString(random.nextLong());
  }
}
