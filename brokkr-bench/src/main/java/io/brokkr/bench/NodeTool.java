package io.brokkr.bench;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** Runs a short command (node, npm) to its end and returns what it printed. */
final class NodeTool {
  private NodeTool() {}

  /** The output of a command that ended with 0. */
  static String run(Path dir, Duration limit, List<String> command) throws IOException {
    Process process;
    try {
      process = new ProcessBuilder(command).directory(dir.toFile()).redirectErrorStream(true).start();
    } catch (IOException e) {
      throw new IOException(command.get(0) + " is not on PATH", e);
    }
    try {
      process.getOutputStream().close();
      // Output is small here; read it all, then wait for the exit code.
      byte[] output = process.getInputStream().readAllBytes();
      if (!process.waitFor(limit.toMillis(), TimeUnit.MILLISECONDS)) {
        throw new IOException(String.join(" ", command) + " did not end within " + limit);
      }
      String text = new String(output, StandardCharsets.UTF_8).trim();
      if (process.exitValue() != 0) {
        throw new IOException(String.join(" ", command) + " exited with " + process.exitValue() + ": " + tail(text));
      }
      return text;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IOException("interrupted", e);
    } finally {
      process.destroyForcibly();
    }
  }

  private static String tail(String text) {
    return text.length() <= 600 ? text : "…" + text.substring(text.length() - 600);
  }
}
