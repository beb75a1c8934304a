package io.brokkr.runtime.internal.redis;

import io.brokkr.dsl.Names;
import java.util.regex.Pattern;

/**
 * The rules for what goes into keys, queue entries and hash fields, checked before anything is
 * written: no braces (they would move a key's hash tag), no control characters (they separate the
 * parts of queue entries and timers), bounded length.
 */
final class Ids {
  /** The limit of every store, {@link Names#MAX_ID_LENGTH}. */
  static final int MAX_LENGTH = Names.MAX_ID_LENGTH;
  private static final Pattern NAMESPACE = Pattern.compile("[A-Za-z0-9._-]{1,64}");

  private Ids() {}

  /**
   * Checks an id.
   *
   * @param what names it in the message, e.g. {@code step id}
   * @throws IllegalArgumentException quoting the id and saying what is wrong
   */
  static String check(String what, String id) {
    String problem = problem(id);
    if (!problem.isEmpty()) {
      throw new IllegalArgumentException(what + " \"" + printable(id) + "\" is not allowed in the Redis store: " + problem
          + "; ids are 1 to " + MAX_LENGTH + " characters without '{', '}' or control characters");
    }
    return id;
  }

  /** Whether an id keeps the rules. */
  static boolean isValid(String id) {
    return problem(id).isEmpty();
  }

  /** Checks a namespace: letters, digits, '.', '_' and '-', at most 64 characters. */
  static String checkNamespace(String namespace) {
    if (!NAMESPACE.matcher(namespace).matches()) {
      throw new IllegalArgumentException("namespace \"" + printable(namespace) + "\" is not allowed in the Redis store: "
          + "a namespace is 1 to 64 letters, digits, '.', '_' or '-'");
    }
    return namespace;
  }

  private static String problem(String id) {
    if (id.isEmpty()) {
      return "it is empty";
    }
    if (id.length() > MAX_LENGTH) {
      return "it has " + id.length() + " characters";
    }
    for (int i = 0; i < id.length(); i++) {
      char c = id.charAt(i);
      if (c == '{' || c == '}') {
        return "it contains '" + c + "'";
      }
      if (Character.isISOControl(c)) {
        return "it contains the control character U+" + String.format("%04X", (int) c);
      }
    }
    return "";
  }

  private static String printable(String id) {
    return Names.escape(id.length() > MAX_LENGTH ? id.substring(0, MAX_LENGTH) + "…" : id);
  }
}
