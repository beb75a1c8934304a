package io.brokkr.bench;

import java.util.Locale;

/** Figures for people: about three significant digits, thousands grouped. */
final class Numbers {
  private Numbers() {}

  static String format(double value) {
    double abs = Math.abs(value);
    if (abs >= 100) {
      return String.format(Locale.ROOT, "%,.0f", value);
    }
    if (abs >= 10) {
      return String.format(Locale.ROOT, "%.1f", value);
    }
    if (abs >= 0.1 || value == 0) {
      return String.format(Locale.ROOT, "%.2f", value);
    }
    return String.format(Locale.ROOT, "%.3g", value);
  }

  /** {@code median [min–max]}, or the median alone when every run gave the same. */
  static String format(Stat stat) {
    String median = format(stat.median());
    if (stat.runs().size() == 1 || format(stat.min()).equals(format(stat.max()))) {
      return median;
    }
    return median + " [" + format(stat.min()) + "–" + format(stat.max()) + "]";
  }

  /** How many times better {@code ours} is than {@code theirs}: above 1, ours is better. */
  static double advantage(Metric metric, double ours, double theirs) {
    return metric.higherIsBetter() ? ours / theirs : theirs / ours;
  }
}
