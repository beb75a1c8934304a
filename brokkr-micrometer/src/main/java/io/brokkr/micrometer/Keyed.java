package io.brokkr.micrometer;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.BiFunction;
import org.jspecify.annotations.Nullable;

/**
 * Meters by namespace and a second key (a saga name, a worker, an operation). A record looks its
 * meter up with the strings it was given, whose hash codes they cache: no key is built per record.
 *
 * @param <M> the meter, or the meters by status or outcome
 */
final class Keyed<M> {
  private final Map<String, Map<String, M>> byNamespace = new ConcurrentHashMap<>();

  /** {@return the meter of {@code namespace} and {@code key}; null before {@link #make}} */
  @Nullable M get(String namespace, String key) {
    Map<String, M> meters = byNamespace.get(namespace);
    return meters == null ? null : meters.get(key);
  }

  /** {@return the meter of {@code namespace} and {@code key}, made by {@code make} the first time} */
  M make(String namespace, String key, BiFunction<String, String, M> make) {
    return byNamespace.computeIfAbsent(namespace, n -> new ConcurrentHashMap<>())
        .computeIfAbsent(key, k -> make.apply(namespace, k));
  }
}
