package io.brokkr.runtime.internal.memory;

import io.brokkr.runtime.StepStatus;
import io.brokkr.runtime.spi.Lease;
import io.brokkr.runtime.spi.StepRef;
import io.brokkr.runtime.spi.StepSnapshot;
import io.brokkr.runtime.spi.StepSpec;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * The mutable state of one step; guarded by its saga's lock. A settled saga keeps its steps for its
 * retention, and every young collection copies the sagas settled since the last: what a settled
 * step keeps is held in fields, not in objects of their own (its ref, its compensator's and its
 * result's {@code Optional}s are made when asked for).
 */
final class MemoryStep {
  private final String sagaId;
  final StepSpec spec;
  /** The step this one compensates; null for an action. */
  final @Nullable String compensates;
  /** The id of this step's compensator; null while it has none. */
  @Nullable String compensator;
  StepStatus status;
  int attempt;
  /** The attempts before an operator's retry: the retry policy counts the attempts after it. */
  int attemptBase;
  Optional<Lease> lease = Optional.empty();
  Optional<Instant> retryAt = Optional.empty();
  /** The result's JSON once the step finished; null before. */
  @Nullable String result;
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
  /** The step's armed timer (its lease's or backoff's end), null while it has none; see {@link TimerIndex}. */
  TimerIndex.@Nullable Timer timer;
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

  MemoryStep(String sagaId, StepSpec spec, @Nullable String compensates) {
    this.sagaId = sagaId;
    this.spec = spec;
    this.compensates = compensates;
    this.status = compensates != null ? StepStatus.WAITING_FOR_COMPENSATION : StepStatus.CREATED;
  }

  StepRef ref() {
    return new StepRef(sagaId, spec.stepId());
  }

  String id() {
    return spec.stepId();
  }

  String sagaId() {
    return sagaId;
  }

  /** Adds a step that depends on this one. */
  void addDependent(MemoryStep dependent) {
    dependents = SmallLists.plus(dependents, dependent);
  }

  List<MemoryStep> dependents() {
    return dependents;
  }

  /** Lets go of the dependents: the saga finished, and no rule walks them any more. */
  void dropDependents() {
    dependents = List.of();
  }

  boolean isCompensator() {
    return compensates != null;
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
    return new StepSnapshot(sagaId, spec, Optional.ofNullable(compensates), Optional.ofNullable(compensator), status,
        attempt, lease, retryAt, Optional.ofNullable(result), failureReason, failureDetail, possiblyDone);
  }
}
