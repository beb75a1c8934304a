package io.brokkr.processor;

import io.brokkr.dsl.Durations;
import io.brokkr.dsl.Messages;
import io.brokkr.dsl.Problem;
import io.brokkr.dsl.RetryPolicy;
import java.time.Duration;
import java.util.Optional;
import java.util.function.BiConsumer;

/**
 * Reads the retry and timeout attributes of {@code @Step} into the template's policy. Zero and empty
 * mean "the node's default", so a policy is built only when an attribute is given, and attributes
 * left out take {@link RetryPolicy#DEFAULT}'s values. Their ranges are checked by the validator.
 */
final class RetryAttributes {
  private RetryAttributes() {}

  /** The step's retry policy; empty when no retry attribute is given. */
  static Optional<RetryPolicy> retry(SourceStep step, BiConsumer<Problem, Site> report) {
    SourceMethod method = step.method();
    Optional<Integer> attempts = method.attribute("maxAttempts").map(a -> Integer.valueOf(a.value()))
        .filter(n -> n != 0);
    Optional<Duration> backoff = duration(step, "backoff", report);
    Optional<Double> multiplier = method.attribute("backoffMultiplier").map(a -> Double.valueOf(a.value()))
        .filter(m -> m != 0);
    Optional<Duration> maxBackoff = duration(step, "maxBackoff", report);
    if (attempts.isEmpty() && backoff.isEmpty() && multiplier.isEmpty() && maxBackoff.isEmpty()) {
      return Optional.empty();
    }
    RetryPolicy defaults = RetryPolicy.DEFAULT;
    Duration initial = backoff.orElse(defaults.initialBackoff());
    // A long backoff given alone raises the default cap rather than breaking it.
    Duration cap = initial.compareTo(defaults.maxBackoff()) > 0 ? initial : defaults.maxBackoff();
    return Optional.of(new RetryPolicy(attempts.orElse(defaults.maxAttempts()), initial,
        multiplier.orElse(defaults.multiplier()), maxBackoff.orElse(cap)));
  }

  /** The step's timeout; empty when none is given. */
  static Optional<Duration> timeout(SourceStep step, BiConsumer<Problem, Site> report) {
    return duration(step, "timeout", report);
  }

  private static Optional<Duration> duration(SourceStep step, String attribute, BiConsumer<Problem, Site> report) {
    return step.nonEmpty(attribute).flatMap(text -> {
      try {
        return Optional.of(Durations.parse(text));
      } catch (IllegalArgumentException e) {
        report.accept(Messages.unreadableDuration(step.name(), attribute, text), step.method().siteOf(attribute));
        return Optional.empty();
      }
    });
  }
}
