package io.brokkr.runtime.internal.redis;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Puts each saga's messages in the order of their sequence numbers: a duplicate is dropped, a
 * message that arrives before its predecessor is held until the predecessor comes or, at the
 * latest, for {@link #HOLD_NANOS}, after which the gap is given up. The first message a node sees
 * of a saga starts its order. Used by one thread.
 */
final class Sequencer {
  static final long HOLD_NANOS = 1_000_000_000L;
  private static final int MAX_SAGAS = 100_000;

  private final Map<String, Long> expected = new LinkedHashMap<>(16, 0.75f, true) {
    private static final long serialVersionUID = 1L;

    @Override
    protected boolean removeEldestEntry(Map.Entry<String, Long> eldest) {
      return size() > MAX_SAGAS;
    }
  };
  private final Map<String, TreeMap<Long, Held>> held = new HashMap<>();

  private record Held(Message message, long since) {}

  /** The messages to deliver now, in order, after {@code message} arrived. */
  List<Message> accept(Message message, long now) {
    List<Message> out = new ArrayList<>();
    Long next = expected.get(message.sagaId());
    if (next == null || message.sequence() == next) {
      deliver(message, out);
      drain(message.sagaId(), out);
    } else if (message.sequence() > next) {
      held.computeIfAbsent(message.sagaId(), s -> new TreeMap<>()).put(message.sequence(), new Held(message, now));
    }
    return out;
  }

  /** Whether messages are held, waiting for a gap to fill. */
  boolean holding() {
    return !held.isEmpty();
  }

  /** The held messages whose gap is older than the hold, in order, giving their gaps up. */
  List<Message> expire(long now) {
    List<Message> out = new ArrayList<>();
    for (String sagaId : List.copyOf(held.keySet())) {
      TreeMap<Long, Held> waiting = held.get(sagaId);
      if (now - waiting.firstEntry().getValue().since() >= HOLD_NANOS) {
        expected.put(sagaId, waiting.firstKey());
        drain(sagaId, out);
      }
    }
    return out;
  }

  private void drain(String sagaId, List<Message> out) {
    TreeMap<Long, Held> waiting = held.get(sagaId);
    while (waiting != null && !waiting.isEmpty() && waiting.firstKey().equals(expected.get(sagaId))) {
      deliver(waiting.pollFirstEntry().getValue().message(), out);
    }
    if (waiting != null && waiting.isEmpty()) {
      held.remove(sagaId);
    }
  }

  private void deliver(Message message, List<Message> out) {
    out.add(message);
    if (message.settles()) {
      // A settled saga has no further events: stop following it.
      expected.remove(message.sagaId());
    } else {
      expected.put(message.sagaId(), message.sequence() + 1);
    }
  }
}
