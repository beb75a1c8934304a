package io.brokkr.runtime.internal.redis;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The ids of the sagas a view created, whose messages come to its inbox: the newest
 * {@link #MAX_SAGAS}, as a view forgets older ones (it then watches every saga to follow one).
 */
final class OwnSagas {
  static final int MAX_SAGAS = 100_000;

  private final Map<String, Boolean> ids = new LinkedHashMap<>(16, 0.75f, false) {
    private static final long serialVersionUID = 1L;

    @Override
    protected boolean removeEldestEntry(Map.Entry<String, Boolean> eldest) {
      return size() > MAX_SAGAS;
    }
  };

  synchronized void add(String sagaId) {
    ids.put(sagaId, Boolean.TRUE);
  }

  synchronized boolean contains(String sagaId) {
    return ids.containsKey(sagaId);
  }
}
