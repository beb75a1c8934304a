package io.brokkr.runtime.differential;

import java.util.ArrayList;
import java.util.List;

/**
 * Makes a failing sequence small: removes chunks of calls, halving the chunk down to single calls,
 * keeping each removal after which the same kind of difference still shows ({@link
 * Difference#sameKindAs}), and cutting the sequence after the call that shows it.
 */
final class Shrinker {
  /** Bounds the replays of one shrink; a sequence is at most a few hundred calls. */
  private static final int MAX_REPLAYS = 600;

  private final Runner runner;

  Shrinker(Runner runner) {
    this.runner = runner;
  }

  /** The smallest failing result found from {@code failing}, which must hold a difference. */
  Runner.Result shrink(Runner.Result failing) {
    Runner.Result best = failing;
    int replays = 0;
    for (int chunk = Math.max(1, best.calls().size() / 2); chunk >= 1; chunk /= 2) {
      int from = 0;
      while (from < best.calls().size() && replays < MAX_REPLAYS) {
        List<Call> candidate = new ArrayList<>(best.calls().subList(0, from));
        candidate.addAll(best.calls().subList(Math.min(best.calls().size(), from + chunk), best.calls().size()));
        replays++;
        Runner.Result result = candidate.isEmpty() ? null : runner.replay(candidate);
        if (result != null && result.difference().isPresent()
            && result.difference().get().sameKindAs(best.difference().orElseThrow())) {
          best = result;
        } else {
          from += chunk;
        }
      }
    }
    return best;
  }
}
