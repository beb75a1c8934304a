package io.brokkr.runtime.differential;

import java.util.Iterator;
import java.util.Optional;

/**
 * Runs one sequence per seed until the seeds or the time run out, and on the first difference
 * shrinks the sequence and words the report: the seed, the minimal sequence as code, the difference.
 */
final class Campaign {
  private final Runner runner;
  private final int length;
  private int sequences;

  Campaign(Runner runner, int length) {
    this.runner = runner;
    this.length = length;
  }

  /** The report of the first difference, or empty when every sequence agreed. */
  Optional<String> run(Iterator<Long> seeds, long deadlineNanos) {
    while (seeds.hasNext() && System.nanoTime() < deadlineNanos) {
      long seed = seeds.next();
      Runner.Result result = runner.generate(seed, length);
      sequences++;
      if (result.difference().isPresent()) {
        Runner.Result minimal = new Shrinker(runner).shrink(result);
        return Optional.of("the stores differ on the sequence of seed " + seed + " (" + result.calls().size()
            + " calls; rerun it with -Dbrokkr.differential.seed=" + seed + "); shrunk to " + minimal.calls().size()
            + " calls:\n" + Call.listing(minimal.calls()) + minimal.difference().orElseThrow());
      }
    }
    return Optional.empty();
  }

  /** Sequences run so far (shrinking excluded). */
  int sequences() {
    return sequences;
  }

  /** Calls made so far on each store (shrinking included). */
  long callsRun() {
    return runner.callsRun();
  }

  /** What was run so far, for the log. */
  String summary() {
    return sequences + " sequences, " + runner.callsRun() + " calls on each store (shrinking included); the calls"
        + " that agreed reached:" + runner.coverage();
  }
}
