package io.brokkr.runtime.internal;

import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.Optional;
import java.util.Set;

/**
 * The stored reason of an attempt that threw: the exception's simple class name and message, then
 * its causes, e.g. {@code IllegalStateException: out of stock (caused by SocketTimeoutException:
 * Read timed out)}. At most {@link #MAX_CAUSES} causes are named; the store cuts the whole to its
 * payload limit.
 */
final class FailureReason {
  /** Causes named at most: a deeper chain ends with "…". */
  static final int MAX_CAUSES = 4;

  private FailureReason() {}

  static String of(Throwable failure) {
    StringBuilder reason = new StringBuilder(describe(failure));
    Set<Throwable> seen = Collections.newSetFromMap(new IdentityHashMap<>());
    seen.add(failure);
    Throwable current = failure;
    int named = 0;
    while (current.getCause() != null && seen.add(current.getCause())) {
      if (named == MAX_CAUSES) {
        reason.append("; …");
        break;
      }
      current = current.getCause();
      reason.append(named == 0 ? " (caused by " : "; caused by ").append(describe(current));
      named++;
    }
    return named == 0 ? reason.toString() : reason.append(')').toString();
  }

  /**
   * The class's simple name and the message; a message that only repeats its cause (as {@code new
   * RuntimeException(cause)} makes it) is left out, the cause follows anyway.
   */
  private static String describe(Throwable failure) {
    String name = failure.getClass().getName();
    String simple = name.substring(name.lastIndexOf('.') + 1);
    Optional<String> message = Optional.ofNullable(failure.getMessage())
        .filter(m -> failure.getCause() == null || !m.equals(failure.getCause().toString()));
    return message.map(m -> simple + ": " + m).orElse(simple);
  }
}
