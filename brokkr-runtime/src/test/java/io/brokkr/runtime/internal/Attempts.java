package io.brokkr.runtime.internal;

import io.brokkr.dsl.RetryPolicy;
import io.brokkr.runtime.StepStatus;
import io.brokkr.runtime.Worker;
import io.brokkr.runtime.spi.Claim;
import io.brokkr.runtime.spi.Lease;
import io.brokkr.runtime.spi.StepSnapshot;
import io.brokkr.runtime.spi.StepSpec;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Attempts as a node holds them once a claim was granted, for the tests of what holds them. */
final class Attempts {
  private static final Instant T0 = Instant.parse("2030-01-01T00:00:00Z");

  private Attempts() {}

  /** An attempt of step {@code stepId} of saga "saga", leased to node-1 for an hour with {@code token}. */
  static Attempt claimed(String stepId, long token) {
    Lease lease = new Lease(token, "node-1", T0.plus(Duration.ofHours(1)), Optional.empty());
    StepSnapshot step = new StepSnapshot("saga", spec(stepId), Optional.empty(), Optional.empty(), StepStatus.RUNNING,
        1, Optional.of(lease), Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(), false);
    return of(new Claim(step, lease, List.of(), Map.of(), Optional.empty()));
  }

  /** The attempt of a claim a store granted, its worker {@code "w"} doing nothing. */
  static Attempt of(Claim claim) {
    return new Attempt(claim, Worker.sync("w", in -> null), () -> {});
  }

  /** A step {@code stepId} of worker {@code "w"}, without dependencies or retries. */
  static StepSpec spec(String stepId) {
    return new StepSpec(stepId, "w", List.of(), "[]", RetryPolicy.NO_RETRY, Optional.empty());
  }
}
