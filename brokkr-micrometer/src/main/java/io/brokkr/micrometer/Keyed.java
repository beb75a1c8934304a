package io.brokkr.micrometer;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.BiFunction;

/**
 * Meters by namespace and a second key (a saga name, a worker, an operation), made the first time
 * they are asked for. A record looks its meter up with the strings it was given, whose hash codes
 * they cache: no key is built and nothing is allocated per record.
 *
 * @param <M> the meter, or the meters by status or outcome
 */
final class Keyed<M> {
  private final Map<String, Map<String, M>> byNamespace = new ConcurrentHashMap<>();
  private final BiFunction<String, String, M> make;

  /** @param make the meter of a namespace and a key, registered once */
  Keyed(BiFunction<String, String, M> make) {
    this.make = make;
  }

  /** {@return the meter of {@code namespace} and {@code key}, made the first time} */
  M of(String namespace, String key) {
    Map<String, M> meters = byNamespace.get(namespace);
    M meter = meters == null ? null : meters.get(key);
    if (meter != null) {
      return meter; // the common case: two reads, no lambda
    }
    return byNamespace.computeIfAbsent(namespace, n -> new ConcurrentHashMap<>())
        .computeIfAbsent(key, k -> make.apply(namespace, k));
  }
}
