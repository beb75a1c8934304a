package io.brokkr.dsl;

import java.util.Objects;
import java.util.Optional;

/**
 * One problem of a saga template.
 *
 * @param kind what is wrong, with its stable id
 * @param step the step the problem concerns, where there is one
 * @param message what is wrong, naming the parties, with a suggested fix
 */
public record Problem(ProblemKind kind, Optional<String> step, String message) {

  public Problem {
    Objects.requireNonNull(kind, "kind");
    Objects.requireNonNull(step, "step");
    Objects.requireNonNull(message, "message");
  }

  /** The problem's stable id, e.g. {@code Brokkr/Cycle}. */
  public String id() {
    return kind.id();
  }

  /** {@code [Brokkr/Id] message}, as Brokkr prints it. */
  @Override
  public String toString() {
    return "[" + id() + "] " + message;
  }
}
