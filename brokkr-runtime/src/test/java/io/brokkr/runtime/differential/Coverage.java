package io.brokkr.runtime.differential;

import io.brokkr.runtime.spi.Change;
import io.brokkr.runtime.spi.StoreEvent;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * Counts what the compared calls reached (rejections by reason, retries, claims, saga and step
 * moves), so the log shows that the sequences exercise the rules and not only their entry checks.
 */
final class Coverage {
  private final Map<String, Integer> counts = new TreeMap<>();

  void add(Call call, Observation seen) {
    count(call.getClass().getSimpleName());
    if (seen.reply() instanceof Observation.Thrown thrown) {
      count("rejected " + (thrown.rejection().isEmpty() ? thrown.type() : thrown.rejection()));
    } else if (seen.reply() instanceof Change change) {
      count(change.applied() ? "applied" : "not applied");
      change.retryAt().ifPresent(at -> count("retry scheduled"));
      if (!change.claims().isEmpty()) {
        count("claimed with a change");
      }
    } else if (seen.reply() instanceof Optional<?> claim && claim.isPresent()) {
      count("claimed");
    }
    for (StoreEvent event : seen.events()) {
      if (event instanceof StoreEvent.SagaMoved moved) {
        count("saga -> " + moved.to());
      } else if (event instanceof StoreEvent.StepMoved moved) {
        count("step " + moved.from() + " -> " + moved.to());
      }
    }
  }

  private void count(String what) {
    counts.merge(what, 1, Integer::sum);
  }

  @Override
  public String toString() {
    StringBuilder out = new StringBuilder();
    counts.forEach((what, n) -> out.append(String.format("%n  %7d  %s", n, what)));
    return out.toString();
  }
}
