package io.brokkr.runtime.internal.memory;

import java.util.ArrayList;
import java.util.List;

/**
 * Lists that grow one element at a time and are mostly of none or one: a settled saga keeps them
 * for its retention, and a list of one kept as {@code List.of(it)} is one small object where an
 * {@code ArrayList} is two.
 */
final class SmallLists {
  private SmallLists() {}

  /** {@code list} with {@code element} appended: {@code list} itself once it is an {@code ArrayList}. */
  static <T> List<T> plus(List<T> list, T element) {
    if (list.isEmpty()) {
      return List.of(element);
    }
    List<T> grown = list instanceof ArrayList<T> mutable ? mutable : new ArrayList<>(list);
    grown.add(element);
    return grown;
  }
}
