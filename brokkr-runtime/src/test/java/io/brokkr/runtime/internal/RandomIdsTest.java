package io.brokkr.runtime.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import org.junit.jupiter.api.Test;

class RandomIdsTest {
  @Test
  void idsAreVersion4UuidsAsRandomUuidMakesThem() {
    for (int i = 0; i < 100; i++) {
      String text = RandomIds.uuid();
      UUID id = UUID.fromString(text);
      assertEquals(4, id.version(), text);
      assertEquals(2, id.variant(), text);
      assertEquals(text, id.toString());
    }
  }

  @Test
  void idsOfManyThreadsAreAllDifferent() throws InterruptedException {
    Set<String> seen = ConcurrentHashMap.newKeySet();
    List<Thread> threads = new ArrayList<>();
    for (int t = 0; t < 8; t++) {
      threads.add(new Thread(() -> {
        Set<String> mine = new HashSet<>();
        for (int i = 0; i < 5_000; i++) {
          mine.add(RandomIds.uuid());
        }
        seen.addAll(mine);
      }));
    }
    threads.forEach(Thread::start);
    for (Thread thread : threads) {
      thread.join();
    }
    assertEquals(40_000, seen.size());
    assertTrue(seen.stream().map(id -> id.substring(0, 8)).distinct().count() > 39_000,
        "the ids are spread, not counted up");
  }
}
