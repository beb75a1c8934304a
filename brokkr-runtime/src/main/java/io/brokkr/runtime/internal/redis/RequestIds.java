package io.brokkr.runtime.internal.redis;

import java.security.SecureRandom;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Request ids of transitions, as the key {@code {tag}:rq:<process>:<thread>:<number>} in the slot of
 * the call's first key: the script keeps the calling thread's last reply in the partition under the
 * key without its number, and replays it to a call that is re-sent with the same number.
 *
 * <p>One key a thread and partition, written over by the thread's next request, rather than a key a
 * call: Redis need not create a key at every transition and expire it a minute later. This relies on
 * a thread making one transition at a time (each waits for its reply), so its numbers tell its
 * requests' order: a kept number above a call's own means that call is a late copy nobody waits for.
 */
final class RequestIds {
  /** This process's part of every key, so that two processes' threads never share one. */
  private static final String PROCESS = Long.toHexString(new SecureRandom().nextLong());
  private static final AtomicLong THREADS = new AtomicLong();
  private static final ThreadLocal<Caller> CALLER = ThreadLocal.withInitial(Caller::new);

  private RequestIds() {}

  /**
   * The calling thread's next request key in the hash slot of {@code key}, whose hash tag ends at its
   * first '}'.
   */
  static String keyInSlotOf(String key) {
    String tag = key.substring(0, key.indexOf('}') + 1);
    Caller caller = CALLER.get();
    return tag + ":rq:" + caller.id + ":" + ++caller.requests;
  }

  /** A thread's name in the keys and the number of its last request. */
  private static final class Caller {
    final String id = PROCESS + ":" + Long.toHexString(THREADS.incrementAndGet());
    long requests;
  }
}
