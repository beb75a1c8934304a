package io.brokkr.dsl;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** JSON values in one canonical Java form, so that a value written out and read back is equal. */
final class JsonValues {
  private static final BigInteger MIN_LONG = BigInteger.valueOf(Long.MIN_VALUE);
  private static final BigInteger MAX_LONG = BigInteger.valueOf(Long.MAX_VALUE);

  private JsonValues() {}

  /** An immutable copy of {@code values}, each made canonical. */
  static List<Object> canonical(List<?> values) {
    List<Object> out = new ArrayList<>(values.size());
    for (Object value : values) {
      out.add(canonical(value));
    }
    return List.copyOf(out);
  }

  /**
   * Whole numbers as the smallest of Integer, Long, BigInteger; other numbers as Double; lists and
   * maps copied, immutable, in order; anything else as it is.
   */
  static Object canonical(Object value) {
    if (value instanceof Byte || value instanceof Short || value instanceof Integer || value instanceof Long) {
      return whole(BigInteger.valueOf(((Number) value).longValue()));
    }
    if (value instanceof BigInteger big) {
      return whole(big);
    }
    if (value instanceof BigDecimal decimal) {
      return decimal.doubleValue();
    }
    if (value instanceof Number number) {
      return number.doubleValue();
    }
    if (value instanceof List<?> list) {
      return canonical(list);
    }
    if (value instanceof Map<?, ?> map) {
      Map<Object, Object> out = new LinkedHashMap<>();
      map.forEach((k, v) -> out.put(k, canonical(v)));
      return Collections.unmodifiableMap(out);
    }
    return value;
  }

  private static Object whole(BigInteger value) {
    if (value.bitLength() < 32) {
      return value.intValue();
    }
    return value.compareTo(MIN_LONG) >= 0 && value.compareTo(MAX_LONG) <= 0 ? (Object) value.longValue() : value;
  }
}
