package io.brokkr.bench;

import java.util.Arrays;
import java.util.List;

/**
 * A figure over the measured runs: the spread says how far one run can be trusted.
 *
 * @param min the lowest run
 * @param median the middle run (the mean of the two middle ones for an even count)
 * @param max the highest run
 * @param runs every run, in order
 */
record Stat(double min, double median, double max, List<Double> runs) {

  static Stat of(List<Double> runs) {
    if (runs.isEmpty()) {
      throw new IllegalArgumentException("a figure needs at least one run");
    }
    double[] sorted = runs.stream().mapToDouble(Double::doubleValue).sorted().toArray();
    int n = sorted.length;
    double median = n % 2 == 1 ? sorted[n / 2] : (sorted[n / 2 - 1] + sorted[n / 2]) / 2;
    return new Stat(sorted[0], median, sorted[n - 1], List.copyOf(runs));
  }

  /** The p-th percentile (nearest rank) of {@code samples}; 0 for none. */
  static double percentile(long[] samples, double p) {
    if (samples.length == 0) {
      return 0;
    }
    long[] sorted = samples.clone();
    Arrays.sort(sorted);
    int rank = (int) Math.ceil(p / 100 * sorted.length);
    return sorted[Math.max(0, Math.min(sorted.length - 1, rank - 1))];
  }
}
