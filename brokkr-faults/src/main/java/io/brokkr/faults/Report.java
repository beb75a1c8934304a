package io.brokkr.faults;

import io.brokkr.runtime.SagaStatus;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;

/**
 * What a run did and found.
 *
 * @param seed the seed
 * @param started sagas started
 * @param abandoned sagas whose building failed under a fault (never started, not checked), counted by why
 * @param statuses the final status of every started saga, counted
 * @param faults faults injected, by kind
 * @param violations every violation
 * @param worstRecoveryMs the longest time from the end of a fault to the next step or compensator that succeeded
 * @param worstSagaMs the longest time from a saga's start to its last ledger event
 * @param seconds how long the run took
 * @param mode the topology, persistence, durable mode and clock skew of the run
 * @param unpromisedLosses losses of acknowledged writes ({@link Violation.Rule#isLoss()}) in a mode that
 *     does not promise to keep them: information, not violations
 */
public record Report(long seed, int started, Map<String, Long> abandoned, Map<SagaStatus, Long> statuses, Map<FaultKind, Integer> faults,
    List<Violation> violations, long worstRecoveryMs, long worstSagaMs, long seconds, String mode,
    List<Violation> unpromisedLosses) {

  /** The report as a few lines of text, violations first grouped by rule. */
  public String render() {
    StringBuilder out = new StringBuilder();
    out.append("seed ").append(seed).append(", ").append(seconds).append(" s, ").append(mode).append('\n');
    out.append("sagas started ").append(started).append(", abandoned while building ").append(abandoned.values().stream().mapToLong(Long::longValue).sum())
        .append(", final statuses ").append(new TreeMap<>(statuses)).append('\n');
    abandoned.forEach((why, n) -> out.append("  abandoned ").append(n).append(" x ").append(why).append('\n'));
    out.append("faults injected ").append(faults.values().stream().mapToInt(Integer::intValue).sum()).append(": ")
        .append(new TreeMap<>(faults)).append('\n');
    out.append("worst recovery after a fault ").append(worstRecoveryMs).append(" ms, longest saga ")
        .append(worstSagaMs).append(" ms\n");
    Map<Violation.Rule, Long> byRule = byRule(violations);
    if (!unpromisedLosses.isEmpty()) {
      out.append("acknowledged writes lost, which this mode does not promise to keep (information): ")
          .append(unpromisedLosses.size()).append(' ').append(byRule(unpromisedLosses)).append('\n');
    }
    out.append("violations ").append(violations.size()).append(byRule.isEmpty() ? "" : " " + byRule).append('\n');
    violations.stream().limit(50).forEach(v -> out.append("  ").append(v).append('\n'));
    if (violations.size() > 50) {
      out.append("  ... and ").append(violations.size() - 50).append(" more\n");
    }
    return out.toString();
  }

  private static Map<Violation.Rule, Long> byRule(List<Violation> violations) {
    return violations.stream().collect(Collectors.groupingBy(Violation::rule, TreeMap::new, Collectors.counting()));
  }
}
