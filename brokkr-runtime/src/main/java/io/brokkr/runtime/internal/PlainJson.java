package io.brokkr.runtime.internal;

import com.fasterxml.jackson.core.io.JsonStringEncoder;
import java.lang.reflect.Type;
import org.jspecify.annotations.Nullable;

/**
 * Strings, whole numbers and booleans as JSON text, written and read as the node's default Jackson
 * mapper does, without a generator or parser made for each: a step's args and results are often one
 * of them, and Jackson's setup per value cost more than the value. Only for the default mapper
 * (an application's mapper or modules may write them otherwise); anything else is left to Jackson,
 * as is text this class does not read exactly as Jackson would.
 */
final class PlainJson {
  /** Digits of the longest whole number read here: any number of as many digits fits a long. */
  private static final int LONG_DIGITS = 18;
  private static final int INT_DIGITS = 9;

  private PlainJson() {}

  /** {@return {@code value} as JSON, or null when it is not a string, whole number or boolean} */
  static @Nullable String write(@Nullable Object value) {
    if (value instanceof String text) {
      return quote(text);
    }
    if (value instanceof Integer || value instanceof Long || value instanceof Short || value instanceof Byte) {
      return value.toString();
    }
    if (value instanceof Boolean flag) {
      return flag ? "true" : "false";
    }
    return null;
  }

  /**
   * {@return {@code json} read as {@code type} (a string, an int, a long, a boolean, or their boxes), or
   * null when it is not read here: another type, a JSON null, text that escapes anything, a number
   * that is not a plain whole one of fewer digits than its type may overflow with}
   */
  static @Nullable Object read(String json, Type type) {
    if (type == String.class) {
      return string(json);
    }
    if (type == Integer.class || type == int.class) {
      return whole(json, INT_DIGITS) ? Integer.valueOf(Integer.parseInt(json)) : null;
    }
    if (type == Long.class || type == long.class) {
      return whole(json, LONG_DIGITS) ? Long.valueOf(Long.parseLong(json)) : null;
    }
    if (type == Boolean.class || type == boolean.class) {
      return json.equals("true") ? Boolean.TRUE : json.equals("false") ? Boolean.FALSE : null;
    }
    return null;
  }

  /** A JSON string, escaped by Jackson's own encoder as its generator escapes by default. */
  private static String quote(String text) {
    StringBuilder out = new StringBuilder(text.length() + 2).append('"');
    JsonStringEncoder.getInstance().quoteAsString(text, out);
    return out.append('"').toString();
  }

  /** The content of a JSON string that escapes nothing and holds no control character, else null. */
  private static @Nullable String string(String json) {
    int last = json.length() - 1;
    if (last < 1 || json.charAt(0) != '"' || json.charAt(last) != '"') {
      return null;
    }
    for (int i = 1; i < last; i++) {
      char c = json.charAt(i);
      if (c < 0x20 || c == '"' || c == '\\') {
        return null;
      }
    }
    return json.substring(1, last);
  }

  /** Whether {@code json} is a whole number as JSON writes it (no leading zero, no sign but '-') of at most {@code digits}. */
  private static boolean whole(String json, int digits) {
    int first = json.startsWith("-") ? 1 : 0;
    int length = json.length() - first;
    if (length < 1 || length > digits || (length > 1 && json.charAt(first) == '0')) {
      return false;
    }
    for (int i = first; i < json.length(); i++) {
      char c = json.charAt(i);
      if (c < '0' || c > '9') {
        return false;
      }
    }
    return true;
  }
}
