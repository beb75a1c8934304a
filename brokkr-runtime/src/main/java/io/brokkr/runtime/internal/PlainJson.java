package io.brokkr.runtime.internal;

import com.fasterxml.jackson.core.io.JsonStringEncoder;
import java.lang.reflect.Type;
import java.util.ArrayList;
import java.util.List;
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

  /**
   * {@return the elements of a JSON array as text, each without the whitespace around it, or null
   * when {@code json} is not an array of balanced brackets and strings with no empty element} The
   * elements are cut, not checked: an element that is not JSON is left for its reader to refuse.
   */
  static @Nullable List<String> elements(String json) {
    int start = 0;
    int end = json.length() - 1;
    while (start <= end && isWhitespace(json.charAt(start))) {
      start++;
    }
    while (end > start && isWhitespace(json.charAt(end))) {
      end--;
    }
    if (end <= start || json.charAt(start) != '[' || json.charAt(end) != ']') {
      return null;
    }
    if (end == start + 1) {
      return List.of(); // "[]": the args of most steps that read their dependencies' results
    }
    List<String> elements = new ArrayList<>(4);
    int depth = 0;
    int from = start + 1;
    boolean inString = false;
    for (int i = start + 1; i < end; i++) {
      char c = json.charAt(i);
      if (inString) {
        if (c == '\\') {
          i++; // the escaped character, a quote perhaps, ends nothing
        } else if (c == '"') {
          inString = false;
        }
      } else if (c == '"') {
        inString = true;
      } else if (c == '[' || c == '{') {
        depth++;
      } else if ((c == ']' || c == '}') && --depth < 0) {
        return null;
      } else if (c == ',' && depth == 0) {
        if (!addElement(json, from, i, elements)) {
          return null;
        }
        from = i + 1;
      }
    }
    if (inString || depth != 0) {
      return null;
    }
    if (addElement(json, from, end, elements)) {
      return List.copyOf(elements);
    }
    return elements.isEmpty() ? List.of() : null; // blank after the last comma: no array; blank alone: "[ ]"
  }

  /** Adds the text between {@code from} and {@code to}, trimmed; false when it is blank. */
  private static boolean addElement(String json, int from, int to, List<String> elements) {
    while (from < to && isWhitespace(json.charAt(from))) {
      from++;
    }
    while (to > from && isWhitespace(json.charAt(to - 1))) {
      to--;
    }
    if (from == to) {
      return false;
    }
    elements.add(json.substring(from, to));
    return true;
  }

  /** JSON's whitespace: space, tab, line feed, carriage return. */
  private static boolean isWhitespace(char c) {
    return c == ' ' || c == '\t' || c == '\n' || c == '\r';
  }

  /** A JSON string, escaped by Jackson's own encoder as its generator escapes by default. */
  private static String quote(String text) {
    if (escapesNothing(text, 0, text.length())) {
      return '"' + text + '"'; // most strings: one copy, no builder
    }
    StringBuilder out = new StringBuilder(text.length() + 2).append('"');
    JsonStringEncoder.getInstance().quoteAsString(text, out);
    return out.append('"').toString();
  }

  /**
   * Whether the characters from {@code from} to {@code to} are written as they are, both by Jackson's
   * encoder and in a JSON string: no control character, quote or backslash.
   */
  private static boolean escapesNothing(String text, int from, int to) {
    for (int i = from; i < to; i++) {
      char c = text.charAt(i);
      if (c < 0x20 || c == '"' || c == '\\') {
        return false;
      }
    }
    return true;
  }

  /** The content of a JSON string that escapes nothing and holds no control character, else null. */
  private static @Nullable String string(String json) {
    int last = json.length() - 1;
    if (last < 1 || json.charAt(0) != '"' || json.charAt(last) != '"') {
      return null;
    }
    return escapesNothing(json, 1, last) ? json.substring(1, last) : null;
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
