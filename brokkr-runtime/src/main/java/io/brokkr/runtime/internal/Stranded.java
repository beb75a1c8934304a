package io.brokkr.runtime.internal;

import io.brokkr.dsl.Durations;
import io.brokkr.runtime.StepStatus;
import io.brokkr.runtime.spi.Change;
import io.brokkr.runtime.spi.SagaStore;
import java.time.Duration;
import java.util.function.Predicate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Makes a stranded step visible: a step whose worker this node does not host stays QUEUED until a
 * node that hosts it claims it, for ever if none does. The node that made it ready checks it once,
 * {@code after} later, and warns if it is still waiting. It stays waiting: a node may come.
 */
final class Stranded {
  private static final Logger LOG = LoggerFactory.getLogger(Stranded.class);

  private final SagaStore store;
  private final Timers timers;
  private final Duration after;
  private final Predicate<String> hosted;

  /** {@code hosted} says whether this node hosts a worker name. */
  Stranded(SagaStore store, Timers timers, Duration after, Predicate<String> hosted) {
    this.store = store;
    this.timers = timers;
    this.after = after;
    this.hosted = hosted;
  }

  /** Arms the check of a step this node made ready, unless it hosts its worker (it runs it then). */
  void watch(Change.Ready ready) {
    if (!hosted.test(ready.workerName())) {
      timers.at(timers.now().plus(after), () -> check(ready));
    }
  }

  private void check(Change.Ready ready) {
    store.load(ready.step().sagaId()).flatMap(saga -> saga.step(ready.step().stepId()))
        // A step in its backoff waits for its timer, not for a node.
        .filter(step -> step.status() == StepStatus.QUEUED && step.retryAt().isEmpty())
        .ifPresent(step -> LOG.warn("step \"{}\" of saga {} has waited {} for a node that hosts worker \"{}\": register that worker"
            + " on a node of namespace \"{}\" (the step keeps waiting)", step.stepId(), step.sagaId(),
            Durations.format(after), ready.workerName(), store.namespace()));
  }
}
