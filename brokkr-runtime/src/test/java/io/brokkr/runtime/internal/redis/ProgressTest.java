package io.brokkr.runtime.internal.redis;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class ProgressTest {

  @Test
  void aReadWaitsForTheEventsItWillSee() throws Exception {
    Progress progress = new Progress();
    progress.willArrive("s", 1);
    CompletableFuture<Void> read = CompletableFuture.runAsync(() -> progress.await("s", 2));
    progress.delivered("s", 1);
    progress.delivered("s", 2);
    read.get(10, TimeUnit.SECONDS);
    assertTrue(read.isDone());
  }

  @Test
  void aReadDoesNotWaitForEventsThatNeverCome() {
    Progress progress = new Progress();
    progress.await("unknown", 5);
    progress.willArrive("late", 7);
    progress.await("late", 6);
  }
}
