package io.brokkr.runtime.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.brokkr.dsl.RetryPolicy;
import io.brokkr.runtime.InMemoryBackend;
import io.brokkr.runtime.Instrumentation;
import io.brokkr.runtime.StepStatus;
import io.brokkr.runtime.Worker;
import io.brokkr.runtime.spi.Claim;
import io.brokkr.runtime.spi.Lease;
import io.brokkr.runtime.spi.SagaStore;
import io.brokkr.runtime.spi.StepSnapshot;
import io.brokkr.runtime.spi.StepSpec;
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
 */
class LeasesTest {
  private static final Instant T0 = Instant.parse("2030-01-01T00:00:00Z");
  private final SagaStore store = InMemoryBackend.create().open("leases");
  private final Timers timers = new Timers(Clock.systemUTC(), "node-1", "leases-test");
  // An hour's lease: the renewer (every third of it) does not run during the test.
  private final Leases leases = new Leases(store, timers, new NodeOptions("leases", "node-1", 4, RetryPolicy.NO_RETRY,
      Duration.ofHours(1), Clock.systemUTC(), Optional.empty(), List.of(), Duration.ofSeconds(1), new ObjectMapper(),
      true, Duration.ofMinutes(1), false, Instrumentation.NONE));

  @AfterEach
  void close() {
    leases.close();
    timers.close();
    store.close();
  }

  @Test
  void anAttemptWhoseLeaseWasDroppedWhileItsBodyRunsStillRunsUntilItReturns() {
    Attempt attempt = attempt("a", 7);
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
    Attempt parked = attempt("p", 8);
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

  private static Attempt attempt(String stepId, long token) {
    StepSpec spec = new StepSpec(stepId, "w", List.of(), "[]", RetryPolicy.NO_RETRY, Optional.empty());
    Lease lease = new Lease(token, "node-1", T0.plus(Duration.ofHours(1)), Optional.empty());
    StepSnapshot step = new StepSnapshot("saga", spec, Optional.empty(), Optional.empty(), StepStatus.RUNNING, 1,
        Optional.of(lease), Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(), false);
    return new Attempt(new Claim(step, lease, List.of(), Map.of(), Optional.empty()), Worker.sync("w", in -> null),
        () -> {});
  }
}
