package io.brokkr.dsl;

import java.util.Objects;
import java.util.Optional;

/**
 * One problem of a saga template.
 *
 * @param kind what is wrong, with its stable id
 * @param step the step the problem concerns, where there is one
 * @param message what is wrong, naming the parties, with a suggested fix
 * @param subject the name or attribute the problem points at within the step or saga, so that a
 *     front end can place it precisely: the unknown dependency or input, the retry attribute
 *     ({@code maxAttempts}, {@code backoff}, {@code backoffMultiplier}, {@code maxBackoff}),
 *     {@code timeout}, or the invalid name; a compensator's retry attribute or timeout is prefixed
 *     with {@link Messages#COMPENSATOR_SUBJECT} ({@code compensateWith/maxAttempts})
 */
public record Problem(ProblemKind kind, Optional<String> step, String message, Optional<String> subject) {

  /**
   * Checks that no component is null.
   *
   * @param kind what is wrong
   * @param step the step the problem concerns; empty for a problem of the saga
   * @param message what is wrong, naming the parties, with a suggested fix
   * @param subject the name or attribute it points at; empty when it points at the whole step or saga
   */
  public Problem {
    Objects.requireNonNull(kind, "kind");
    Objects.requireNonNull(step, "step");
    Objects.requireNonNull(message, "message");
    Objects.requireNonNull(subject, "subject");
  }

  /**
   * A problem that points at nothing narrower than its step (or saga).
   *
   * @param kind what is wrong
   * @param step the step the problem concerns; empty for a problem of the saga
   * @param message what is wrong, naming the parties, with a suggested fix
   */
  public Problem(ProblemKind kind, Optional<String> step, String message) {
    this(kind, step, message, Optional.empty());
  }

  /** {@return the problem's stable id, e.g. {@code Brokkr/Cycle}} */
  public String id() {
    return kind.id();
  }

  /** {@return {@code [Brokkr/Id] message}, as Brokkr prints it} */
  @Override
  public String toString() {
    return "[" + id() + "] " + message;
  }
}
