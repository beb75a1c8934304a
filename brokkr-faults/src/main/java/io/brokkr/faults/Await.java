package io.brokkr.faults;

import java.io.IOException;
import java.time.Duration;

/** Waits for a condition of the suite's processes, with a deadline. */
final class Await {
  /** A condition that may fail to be read (a server not answering yet counts as not holding). */
  interface Condition {
    boolean holds() throws IOException;
  }

  private Await() {}

  /** Returns once {@code condition} holds; throws naming {@code what} when {@code patience} ran out. */
  static void until(String what, Duration patience, Condition condition) throws IOException {
    long deadline = System.nanoTime() + patience.toNanos();
    IOException last = null;
    while (System.nanoTime() < deadline) {
      try {
        if (condition.holds()) {
          return;
        }
      } catch (IOException e) {
        last = e;
      }
      Pause.millis(100);
    }
    throw new IOException(what + ": not within " + patience, last);
  }
}
