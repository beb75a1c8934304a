package io.brokkr.dsl;

import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Durations as Brokkr writes them: {@code 250ms}, {@code 10s}, {@code 2m}, {@code 1h}, {@code 1d},
 * or ISO-8601 ({@code PT10S}).
 */
public final class Durations {
  private static final Pattern SHORT = Pattern.compile("(-?\\d+)(ms|s|m|h|d)");

  private Durations() {}

  /**
   * Parses a duration.
   *
   * @param text a number with a unit ({@code ms}, {@code s}, {@code m}, {@code h}, {@code d}) or an
   *     ISO-8601 duration; surrounding blanks are ignored
   * @return the duration, which may be zero or negative: the validator, not the parser, checks the range
   * @throws IllegalArgumentException quoting the text when it is not a duration
   */
  public static Duration parse(String text) {
    Matcher m = SHORT.matcher(text.trim());
    try {
      if (m.matches()) {
        long amount = Long.parseLong(m.group(1));
        return switch (m.group(2)) {
          case "ms" -> Duration.ofMillis(amount);
          case "s" -> Duration.ofSeconds(amount);
          case "m" -> Duration.ofMinutes(amount);
          case "h" -> Duration.ofHours(amount);
          default -> Duration.ofDays(amount);
        };
      }
      return Duration.parse(text.trim());
    } catch (DateTimeParseException | ArithmeticException e) {
      throw new IllegalArgumentException("\"" + text + "\" is not a duration; write e.g. 250ms, 10s, 2m,"
          + " 1h, 1d or PT10S", e);
    }
  }

  /**
   * {@return the shortest text that {@link #parse} reads back as the same duration, e.g. {@code 10s}}
   *
   * @param duration any duration; one with a fraction of a millisecond is written in ISO-8601
   */
  public static String format(Duration duration) {
    if (duration.getNano() % 1_000_000 != 0) {
      return duration.toString();
    }
    long millis = duration.toMillis();
    if (millis == 0) {
      return "0ms";
    }
    long[] factors = {86_400_000L, 3_600_000L, 60_000L, 1000L, 1L};
    String[] units = {"d", "h", "m", "s", "ms"};
    for (int i = 0; i < factors.length; i++) {
      if (millis % factors[i] == 0) {
        return millis / factors[i] + units[i];
      }
    }
    throw new AssertionError("unreachable: every millisecond count divides by 1");
  }
}
