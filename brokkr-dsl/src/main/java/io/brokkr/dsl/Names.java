package io.brokkr.dsl;

import java.util.Collection;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The rule for saga, step, worker and input names, and did-you-mean suggestions; shared by every
 * Brokkr front end (processor, plugin, runtime) so that all of them accept the same names.
 */
public final class Names {
  /** The longest name Brokkr accepts. */
  public static final int MAX_LENGTH = 128;

  /**
   * The longest id a store keeps (saga ids, step ids, worker names), the one limit every store
   * follows. Longer than a name, so that the ids the runtime derives from names fit (a
   * compensator's id is its step's name plus {@code "/compensator"}), and saga ids that join a name
   * and a business key.
   */
  public static final int MAX_ID_LENGTH = 200;

  static final String RULE = "a name starts with a letter or '_' and holds only letters, digits,"
      + " '_', '-' and '.' (at most " + MAX_LENGTH + " characters)";

  private static final Pattern VALID = Pattern.compile("[A-Za-z_][A-Za-z0-9_.\\-]*");

  private Names() {}

  /**
   * {@return whether {@code name} follows the naming rule: a letter or '_', then letters, digits,
   * '_', '.' or '-', at most {@value #MAX_LENGTH} characters}
   *
   * @param name a saga, step, worker or input name
   */
  public static boolean isValid(String name) {
    return name.length() <= MAX_LENGTH && VALID.matcher(name).matches();
  }

  /**
   * The candidate closest to {@code name}, if one is close enough to be a likely typo: at most a
   * third of the name's characters differ (and at least one may).
   *
   * @param name the unknown name, as written
   * @param candidates the declared names
   * @return the closest candidate, ignoring case; empty when none is close enough
   */
  public static Optional<String> suggest(String name, Collection<String> candidates) {
    int budget = Math.max(1, name.length() / 3);
    String best = null;
    int bestDistance = Integer.MAX_VALUE;
    for (String candidate : candidates) {
      if (Math.abs(candidate.length() - name.length()) > budget) {
        continue;
      }
      int distance = distance(name.toLowerCase(Locale.ROOT), candidate.toLowerCase(Locale.ROOT));
      if (distance <= budget && distance < bestDistance) {
        best = candidate;
        bestDistance = distance;
      }
    }
    return Optional.ofNullable(best);
  }

  /**
   * Makes control characters visible when a name or id is quoted in a message, as Java escapes
   * ({@code \\u000A}); every front end and store quotes this way.
   *
   * @param name a name or id to quote
   * @return the name with each control character replaced by its escape; unchanged without any
   */
  public static String escape(String name) {
    StringBuilder out = new StringBuilder();
    name.codePoints().forEach(c -> {
      if (Character.isISOControl(c)) {
        out.append(String.format("\\u%04X", c));
      } else {
        out.appendCodePoint(c);
      }
    });
    return out.toString();
  }

  /** Levenshtein distance, two rows at a time. */
  private static int distance(String a, String b) {
    int[] previous = new int[b.length() + 1];
    int[] current = new int[b.length() + 1];
    for (int j = 0; j <= b.length(); j++) {
      previous[j] = j;
    }
    for (int i = 1; i <= a.length(); i++) {
      current[0] = i;
      for (int j = 1; j <= b.length(); j++) {
        int substitution = previous[j - 1] + (a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1);
        current[j] = Math.min(substitution, Math.min(previous[j], current[j - 1]) + 1);
      }
      int[] swap = previous;
      previous = current;
      current = swap;
    }
    return previous[b.length()];
  }
}
