package io.brokkr.runtime.internal;

import io.brokkr.runtime.spi.Change;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.spi.LoggingEventBuilder;

/**
 * What this node logs about how its attempts ended: a finished step and a retried attempt at DEBUG;
 * a step that failed for good at WARN with its stack trace; then what that does to its saga, which
 * compensates (INFO), or is FAILED when the step was a compensator (ERROR). Called while the
 * attempt's {@link AttemptMdc} is set.
 */
final class AttemptLog {
  private static final Logger LOG = LoggerFactory.getLogger(AttemptLog.class);

  private AttemptLog() {}

  static void finished(Attempt attempt) {
    if (!LOG.isDebugEnabled()) {
      return; // every finish passes here: no arguments boxed and packed for a line not written
    }
    LOG.debug("step \"{}\" of saga {} finished at attempt {}", attempt.ref().stepId(), attempt.ref().sagaId(),
        attempt.number());
  }

  /** An attempt failed with {@code reason} (thrown as {@code failure}); {@code change} is the store's answer. */
  static void failed(Attempt attempt, String reason, Optional<Throwable> failure, Change change) {
    String stepId = attempt.ref().stepId();
    String sagaId = attempt.ref().sagaId();
    if (!change.applied()) {
      LOG.debug("attempt {} of step \"{}\" of saga {} failed after the step moved on: {}", attempt.number(), stepId,
          sagaId, reason);
    } else if (change.retryAt().isPresent()) {
      withCause(LOG.atDebug(), failure).log("attempt {} of step \"{}\" of saga {} failed; retried at {}: {}",
          attempt.number(), stepId, sagaId, change.retryAt().get(), reason);
    } else {
      withCause(LOG.atWarn(), failure).log("step \"{}\" of saga {} failed for good at attempt {}: {}", stepId, sagaId,
          attempt.number(), reason);
      Optional<String> compensated = attempt.claim.step().compensates();
      if (compensated.isPresent()) {
        LOG.error("saga {} FAILED: compensator \"{}\" of step \"{}\" failed for good ({}); the step is not undone",
            sagaId, stepId, compensated.get(), reason);
      } else {
        LOG.info("saga {} compensates its finished steps: step \"{}\" failed for good", sagaId, stepId);
      }
    }
  }

  private static LoggingEventBuilder withCause(LoggingEventBuilder event, Optional<Throwable> failure) {
    failure.ifPresent(event::setCause);
    return event;
  }
}
