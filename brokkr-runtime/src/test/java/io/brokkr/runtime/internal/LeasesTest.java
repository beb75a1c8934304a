package io.brokkr.runtime.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.brokkr.dsl.RetryPolicy;
import io.brokkr.runtime.InMemoryBackend;
import io.brokkr.runtime.Instrumentation;
import io.brokkr.runtime.spi.SagaDraft;
import io.brokkr.runtime.spi.SagaStore;
import io.brokkr.runtime.spi.StepSnapshot;
import io.brokkr.runtime.testing.Eventually;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * One set holds a node's attempts that hold a lease or run: an attempt counts as running until its
 * body returned, is renewed until its lease was dropped, and leaves once both happened, in either order.
 * The renewer, which goes through the same set, skips the attempts whose lease was dropped.
 */
class LeasesTest {
  private final SagaStore store = InMemoryBackend.create().open("leases");
  private final Timers timers = new Timers(Clock.systemUTC(), "node-1", "leases-test");
  // An hour's lease: the renewer (every third of it) does not run during the test.
  private final Leases leases = new Leases(store, timers, options(Duration.ofHours(1)));

  @AfterEach
  void close() {
    leases.close();
    timers.close();
    store.close();
  }

  @Test
  void anAttemptWhoseLeaseWasDroppedWhileItsBodyRunsStillRunsUntilItReturns() {
    Attempt attempt = Attempts.claimed("a", 7);
    leases.hold(attempt);
    leases.drop(attempt); // a renewal refused for a stale token

    assertFalse(leases.holds(attempt.ref(), 7), "no longer renewed");
    assertEquals(1, leases.running());
    assertEquals(List.of(attempt), leases.awaitNoneRunning(Duration.ofMillis(1)), "a drain still waits for it");

    leases.returned(attempt);
    leases.drop(attempt); // again, from the body's end: nothing more to drop
    assertEquals(0, leases.running());
    assertEquals(List.of(), leases.awaitNoneRunning(Duration.ofMillis(1)));
  }

  @Test
  void anAttemptWhoseBodyReturnedKeepsItsLeaseUntilItIsDropped() {
    Attempt parked = Attempts.claimed("p", 8);
    leases.hold(parked);
    leases.returned(parked); // an async body returned, and the store could not be told: its lease is kept

    assertTrue(leases.holds(parked.ref(), 8));
    assertFalse(leases.holds(parked.ref(), 9), "another token");
    assertEquals(0, leases.running());

    leases.drop(parked);
    leases.returned(parked);
    assertFalse(leases.holds(parked.ref(), 8));
    assertEquals(0, leases.running());
  }

  @Test
  void theRenewerRenewsTheLeasesHeldAndNotOneDropped() {
    // Two steps claimed for an hour; the renewal (every half second) sets a lease to end 1.5 s on.
    store.createAndStart(new SagaDraft("s", List.of(Attempts.spec("kept"), Attempts.spec("dropped")), Map.of(),
        Optional.empty(), Map.of()));
    Attempt kept = claimed();
    Attempt dropped = claimed();
    Instant claimedUntil = until(dropped);
    try (Leases renewing = new Leases(store, timers, options(Duration.ofMillis(1_500)))) {
      renewing.hold(kept);
      renewing.hold(dropped);
      renewing.drop(dropped); // before the first renewal, half a second on
      Instant claimedKept = until(kept);
      Eventually.until("the kept lease renewed", () -> !until(kept).equals(claimedKept));
      Instant first = until(kept);
      // A second pass began after the first had gone through the set.
      Eventually.until("the kept lease renewed again", () -> !until(kept).equals(first));

      assertEquals(claimedUntil, until(dropped), "the dropped lease was not renewed");
      assertTrue(until(kept).isBefore(claimedUntil), "the kept lease was renewed: to 1.5 s on, not an hour");
    }
  }

  private Attempt claimed() {
    return Attempts.of(store.claimNext("w", "node-1", Instant.now(), Duration.ofHours(1)).orElseThrow());
  }

  private Instant until(Attempt attempt) {
    return store.load("s").flatMap(saga -> saga.step(attempt.ref().stepId())).flatMap(StepSnapshot::lease)
        .orElseThrow().until();
  }

  private static NodeOptions options(Duration lease) {
    return new NodeOptions("leases", "node-1", 4, RetryPolicy.NO_RETRY, lease, Clock.systemUTC(), Optional.empty(),
        List.of(), Duration.ofSeconds(1), new ObjectMapper(), true, Duration.ofMinutes(1), false, Instrumentation.NONE);
  }


}
