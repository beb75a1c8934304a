package io.brokkr.runtime.differential;

import io.brokkr.runtime.spi.SagaSnapshot;
import io.brokkr.runtime.spi.StepSnapshot;
import java.util.Optional;

/** Compares what one call did on the two stores, reporting the first aspect that differs. */
final class Comparison {
  private Comparison() {}

  static Optional<Difference> of(int index, Call call, Observation memory, Observation redis) {
    if (!memory.reply().equals(redis.reply())) {
      return Optional.of(new Difference(index, call, "reply", String.valueOf(memory.reply()),
          String.valueOf(redis.reply())));
    }
    if (!memory.events().equals(redis.events())) {
      return Optional.of(new Difference(index, call, "events", lines(memory.events()), lines(redis.events())));
    }
    for (String sagaId : memory.sagas().keySet()) {
      Optional<SagaSnapshot> m = memory.sagas().get(sagaId);
      Optional<SagaSnapshot> r = redis.sagas().getOrDefault(sagaId, Optional.empty());
      if (!m.equals(r)) {
        return Optional.of(sagaDifference(index, call, sagaId, m, r));
      }
    }
    if (!memory.unfinished().equals(redis.unfinished())) {
      return Optional.of(new Difference(index, call, "unfinished", memory.unfinished().toString(),
          redis.unfinished().toString()));
    }
    if (!memory.counts().equals(redis.counts())) {
      return Optional.of(new Difference(index, call, "counts by status", memory.counts().toString(),
          redis.counts().toString()));
    }
    for (String query : memory.listings().keySet()) {
      if (!memory.listings().get(query).equals(redis.listings().get(query))) {
        return Optional.of(new Difference(index, call, "query " + query, memory.listings().get(query).toString(),
            String.valueOf(redis.listings().get(query))));
      }
    }
    return Optional.empty();
  }

  /** Names the first differing part of a saga, so a long snapshot need not be read by eye. */
  private static Difference sagaDifference(int index, Call call, String sagaId, Optional<SagaSnapshot> m,
      Optional<SagaSnapshot> r) {
    String aspect = "saga " + sagaId;
    if (m.isEmpty() || r.isEmpty() || m.get().steps().size() != r.get().steps().size()) {
      return new Difference(index, call, aspect, String.valueOf(m), String.valueOf(r));
    }
    for (int i = 0; i < m.get().steps().size(); i++) {
      StepSnapshot ms = m.get().steps().get(i);
      StepSnapshot rs = r.get().steps().get(i);
      if (!ms.equals(rs)) {
        return new Difference(index, call, aspect, "step " + ms, "step " + rs);
      }
    }
    return new Difference(index, call, aspect, m.get().status() + " " + m.get().failure(),
        r.get().status() + " " + r.get().failure());
  }

  private static String lines(java.util.List<?> events) {
    StringBuilder out = new StringBuilder();
    events.forEach(e -> out.append("\n    ").append(e));
    return out.toString();
  }
}
