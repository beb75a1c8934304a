package io.brokkr.dsl.yaml;

import io.brokkr.dsl.Messages;
import io.brokkr.dsl.Problem;
import java.util.Optional;

/**
 * Whose retry policy and timeout {@link TemplateReader} reads: a step's, or its compensator's. It
 * names the owner in messages and gives the path where the values are recorded.
 *
 * @param step the step, or the step the compensator undoes
 * @param compensator the compensator's worker, when the policy is a compensator's
 * @param path where the owner is recorded, e.g. {@code step:head} or {@code step:head/compensateWith}
 */
record PolicyOwner(String step, Optional<String> compensator, String path) {

  static PolicyOwner ofStep(String step) {
    return new PolicyOwner(step, Optional.empty(), "step:" + step);
  }

  static PolicyOwner ofCompensator(String step, String worker) {
    return new PolicyOwner(step, Optional.of(worker), "step:" + step + "/compensateWith");
  }

  /** {@code step "head"} or {@code the compensator of step "head"}. */
  String describe() {
    return (compensator.isPresent() ? "the compensator of step \"" : "step \"") + step + "\"";
  }

  Problem invalidRetry(String attribute, String rule, String value) {
    return compensator.map(w -> Messages.invalidCompensatorRetry(step, w, attribute, rule, value))
        .orElseGet(() -> Messages.invalidRetry(step, attribute, rule, value));
  }

  Problem unreadableRetryDuration(String attribute, String value) {
    return compensator.map(w -> Messages.unreadableCompensatorRetryDuration(step, w, attribute, value))
        .orElseGet(() -> Messages.unreadableRetryDuration(step, attribute, value));
  }

  Problem unreadableTimeout(String value) {
    return compensator.map(w -> Messages.unreadableCompensatorTimeout(step, w, value))
        .orElseGet(() -> Messages.unreadableTimeout(step, value));
  }
}
