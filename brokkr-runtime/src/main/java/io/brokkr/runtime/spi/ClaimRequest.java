package io.brokkr.runtime.spi;

import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.Set;

/**
 * What a node asks for with a completion ({@link SagaStore#finishAndClaim}): a claim, under the same
 * terms as {@link SagaStore#claimNext}, of a step that the completion makes ready for one of the
 * node's workers.
 *
 * @param nodeId the node that would run the step
 * @param now when the lease starts
 * @param lease how long it lasts
 * @param workerNames the workers registered on the node
 */
public record ClaimRequest(String nodeId, Instant now, Duration lease, Set<String> workerNames) {

  /**
   * Checks that no component is null; copies the worker names.
   *
   * @param nodeId the node that would run the step
   * @param now when the lease starts
   * @param lease how long it lasts
   * @param workerNames the workers registered on the node; empty claims nothing
   */
  public ClaimRequest {
    Objects.requireNonNull(nodeId, "nodeId");
    Objects.requireNonNull(now, "now");
    Objects.requireNonNull(lease, "lease");
    workerNames = Set.copyOf(workerNames);
  }
}
