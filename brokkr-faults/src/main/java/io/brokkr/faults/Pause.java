package io.brokkr.faults;

/** Sleeps that keep the interrupt flag, for bounded waits of the suite. */
final class Pause {
  private Pause() {}

  static void millis(long ms) {
    try {
      Thread.sleep(Math.max(0, ms));
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
