package io.brokkr.runtime.spi;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * The lock of one running attempt. It is not owned by a thread: whoever holds the token may
 * heartbeat, finish or fail the attempt, and a write with an older token changes nothing.
 *
 * @param token the fencing token, strictly increasing over the attempts of a saga's steps
 * @param owner the node that claimed the attempt
 * @param until when the lease expires unless the owner renews it
 * @param deadline when the attempt times out, if the step has a timeout
 */
public record Lease(long token, String owner, Instant until, Optional<Instant> deadline) {

  /** The end of the lease of a parked async attempt: it waits for its deadline or a settler. */
  public static final Instant OPEN_ENDED = Instant.parse("9999-12-31T00:00:00Z");

  /**
   * Checks that no component is null.
   *
   * @param token the fencing token
   * @param owner the node that claimed the attempt
   * @param until when the lease expires unless renewed; {@link #OPEN_ENDED} for a parked attempt
   * @param deadline when the attempt times out; empty without timeout
   */
  public Lease {
    Objects.requireNonNull(owner, "owner");
    Objects.requireNonNull(until, "until");
    Objects.requireNonNull(deadline, "deadline");
  }
}
