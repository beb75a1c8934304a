package io.brokkr.processor;

import io.brokkr.dsl.Durations;
import io.brokkr.dsl.Messages;
import io.brokkr.dsl.Problem;
import io.brokkr.dsl.RetrySpec;
import java.time.Duration;
import java.util.Optional;
import java.util.function.BiConsumer;

/**
 * Reads the retry and timeout attributes of {@code @Step} or {@code @Compensate} into the template's
 * policy. Zero and empty mean "the node's default": the spec holds only the attributes given, and
 * the node fills the others when a saga starts. Their ranges are checked
 * by the validator; a duration it cannot read is reported here, on its value.
 */
final class RetryAttributes {
  private final SourceMethod method;
  private final Unreadable unreadable;
  private final BiConsumer<Problem, Site> report;

  /** The problem of a duration attribute that cannot be read, naming its step or compensator. */
  private interface Unreadable {
    Problem of(String attribute, String value);
  }

  private RetryAttributes(SourceMethod method, Unreadable unreadable, BiConsumer<Problem, Site> report) {
    this.method = method;
    this.unreadable = unreadable;
    this.report = report;
  }

  /** The attributes of a {@code @Step} method. */
  static RetryAttributes of(SourceStep step, BiConsumer<Problem, Site> report) {
    return new RetryAttributes(step.method(), (a, v) -> Messages.unreadableDuration(step.name(), a, v), report);
  }

  /** The attributes of a {@code @Compensate} method that runs on {@code worker}. */
  static RetryAttributes of(SourceCompensator compensator, String worker, BiConsumer<Problem, Site> report) {
    String step = compensator.step().value();
    return new RetryAttributes(compensator.method(),
        (a, v) -> Messages.unreadableCompensatorDuration(step, worker, a, v), report);
  }

  /** The retry values given; those left at their defaults stay the node's. */
  RetrySpec retry() {
    RetrySpec spec = RetrySpec.NODE_DEFAULT;
    Optional<Integer> attempts = method.attribute("maxAttempts").map(a -> Integer.valueOf(a.value()))
        .filter(n -> n != 0);
    if (attempts.isPresent()) {
      spec = spec.withMaxAttempts(attempts.get());
    }
    Optional<Duration> backoff = duration("backoff");
    if (backoff.isPresent()) {
      spec = spec.withBackoff(backoff.get());
    }
    Optional<Double> multiplier = method.attribute("backoffMultiplier").map(a -> Double.valueOf(a.value()))
        .filter(m -> m != 0);
    if (multiplier.isPresent()) {
      spec = spec.withBackoffMultiplier(multiplier.get());
    }
    Optional<Duration> maxBackoff = duration("maxBackoff");
    return maxBackoff.isPresent() ? spec.withMaxBackoff(maxBackoff.get()) : spec;
  }

  /** The timeout; empty when none is given. */
  Optional<Duration> timeout() {
    return duration("timeout");
  }

  private Optional<Duration> duration(String attribute) {
    return method.nonEmpty(attribute).flatMap(text -> {
      try {
        return Optional.of(Durations.parse(text));
      } catch (IllegalArgumentException e) {
        report.accept(unreadable.of(attribute, text), method.siteOf(attribute));
        return Optional.empty();
      }
    });
  }
}
