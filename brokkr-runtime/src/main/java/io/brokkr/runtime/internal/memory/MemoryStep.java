package io.brokkr.runtime.internal.memory;

import io.brokkr.runtime.StepStatus;
import io.brokkr.runtime.spi.Lease;
import io.brokkr.runtime.spi.StepRef;
import io.brokkr.runtime.spi.StepSnapshot;
import io.brokkr.runtime.spi.StepSpec;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** The mutable state of one step; guarded by its saga's lock. */
final class MemoryStep {
  final StepRef ref;
  final StepSpec spec;
  final Optional<String> compensates;
  Optional<String> compensator = Optional.empty();
  StepStatus status;
  int attempt;
  /** The attempts before an operator's retry: the retry policy counts the attempts after it. */
  int attemptBase;
  Optional<Lease> lease = Optional.empty();
  Optional<Instant> retryAt = Optional.empty();
  Optional<String> result = Optional.empty();
  Optional<String> failureReason = Optional.empty();
  /** See {@link StepSnapshot#failureDetail()}: set and cleared with the reason. */
  Optional<String> failureDetail = Optional.empty();
  /** See {@link StepSnapshot#possiblyDone()}. */
  boolean possiblyDone;
  /**
   * The number of the step's entry in its worker's queue while it has one there, else 0. As in
   * Redis, a requeue keeps that entry, and an entry of an earlier spell in QUEUED is stale. Written
   * under the saga's lock, read without it by claimers looking at a queue's head (volatile).
   */
  volatile long entry;
  /** When the step's current entry was queued (its queue wait starts). */
  Instant readyAt = Instant.EPOCH;
  /** Dependencies not FINISHED yet: the step is queued when the last one finishes. */
  int unfinishedDependencies;
  /** While the saga compensates: this action's verdict, and its dependents pending and BLOCKED. */
  CompensationPass.Undo undo = CompensationPass.Undo.PENDING;
  int pendingDependents;
  int blockedDependents;
  /** The steps that depend on this one, in the order they were added; none for most. */
  private List<MemoryStep> dependents = List.of();

  MemoryStep(String sagaId, StepSpec spec, Optional<String> compensates) {
    this.ref = new StepRef(sagaId, spec.stepId());
    this.spec = spec;
    this.compensates = compensates;
    this.status = compensates.isPresent() ? StepStatus.WAITING_FOR_COMPENSATION : StepStatus.CREATED;
  }

  String id() {
    return spec.stepId();
  }

  /** Adds a step that depends on this one. */
  void addDependent(MemoryStep dependent) {
    if (dependents.isEmpty()) {
      dependents = new ArrayList<>(2);
    }
    dependents.add(dependent);
  }

  List<MemoryStep> dependents() {
    return dependents;
  }

  boolean isCompensator() {
    return compensates.isPresent();
  }

  /** When the current attempt's timer is due: its lease ends or its deadline passes, whichever is first. */
  Instant leaseDue() {
    Lease held = lease.orElseThrow();
    return held.deadline().filter(d -> d.isBefore(held.until())).orElse(held.until());
  }

  /** Whether the attempt holding {@code token} is the current one. */
  boolean heldBy(long token) {
    return status == StepStatus.RUNNING && lease.map(l -> l.token() == token).orElse(false);
  }

  StepSnapshot snapshot() {
    return new StepSnapshot(ref.sagaId(), spec, compensates, compensator, status, attempt, lease, retryAt,
        result, failureReason, failureDetail, possiblyDone);
  }
}
