package io.brokkr.runtime.internal.redis;

import static io.brokkr.runtime.internal.redis.RequestKeys.keptAt;
import static io.brokkr.runtime.internal.redis.RequestKeys.number;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;

/** A thread's request keys: one prefix a thread and hash slot, numbered in the order it sends them. */
class RequestIdsTest {
  @Test
  void aThreadsRequestsInOneSlotShareTheirKeyAndCountUp() {
    String first = RequestIds.keyInSlotOf("{ns:3}:saga:a");
    String second = RequestIds.keyInSlotOf("{ns:3}:saga:b");

    assertTrue(first.startsWith("{ns:3}:rq:"), first);
    assertEquals(keptAt(first), keptAt(second));
    assertEquals(number(first) + 1, number(second));
  }

  @Test
  void theSameThreadsRequestsInAnotherSlotGoUnderThatSlotsTag() {
    String here = RequestIds.keyInSlotOf("{ns:3}:saga:a");
    String there = RequestIds.keyInSlotOf("{ns:4}:saga:a");

    assertEquals(keptAt(here).replace("{ns:3}", "{ns:4}"), keptAt(there));
  }

  @Test
  void twoThreadsNeverShareAKey() {
    String mine = RequestIds.keyInSlotOf("{ns:3}:saga:a");
    String theirs = CompletableFuture.supplyAsync(() -> RequestIds.keyInSlotOf("{ns:3}:saga:a"),
        runnable -> new Thread(runnable).start()).join();

    assertNotEquals(keptAt(mine), keptAt(theirs));
  }
}
