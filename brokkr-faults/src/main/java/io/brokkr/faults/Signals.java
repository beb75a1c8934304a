package io.brokkr.faults;

import java.io.IOException;
import java.util.concurrent.TimeUnit;

/** Sends signals to processes by pid: SIGSTOP and SIGCONT have no Java API. */
final class Signals {
  private Signals() {}

  static void stop(long pid) {
    send("-STOP", pid);
  }

  static void cont(long pid) {
    send("-CONT", pid);
  }

  /** {@code kill -9} by pid, resumed first so that a paused process dies at once. */
  static void kill(Process process) {
    if (process.isAlive()) {
      cont(process.pid());
      process.destroyForcibly();
      try {
        process.waitFor(20, TimeUnit.SECONDS);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }
  }

  private static void send(String signal, long pid) {
    try {
      Process kill = new ProcessBuilder("kill", signal, String.valueOf(pid)).redirectErrorStream(true).start();
      kill.getInputStream().readAllBytes();
      kill.waitFor(10, TimeUnit.SECONDS);
    } catch (IOException e) {
      throw new IllegalStateException("kill " + signal + " " + pid + " failed", e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
