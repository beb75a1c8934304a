package io.brokkr.runtime.redis.testing;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;

/**
 * A {@link NodeMain} in a child JVM on the test's class path: send it commands, wait for the lines it
 * prints, pause it with SIGSTOP, resume it, kill it. {@link #close()} kills it if it still runs.
 */
public final class NodeProcess implements AutoCloseable {
  private final String nodeId;
  private final Process process;
  private final Writer stdin;
  private final List<String> lines = new ArrayList<>();
  private final Path log;

  private NodeProcess(String nodeId, Process process, Path log) {
    this.nodeId = nodeId;
    this.process = process;
    this.log = log;
    this.stdin = new OutputStreamWriter(process.getOutputStream(), StandardCharsets.UTF_8);
    Thread reader = new Thread(this::read, "node-" + nodeId + "-stdout");
    reader.setDaemon(true);
    reader.start();
  }

  /** Starts a node and waits until it is up. */
  public static NodeProcess start(String redisUri, String namespace, String nodeId, Duration lease, Duration patience)
      throws IOException {
    Path log = Files.createTempFile("brokkr-node-" + nodeId + "-", ".log");
    List<String> command = List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
        "-Xmx160m", "-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC",
        "-cp", System.getProperty("java.class.path"), NodeMain.class.getName(),
        redisUri, namespace, nodeId, String.valueOf(lease.toMillis()));
    Process process = new ProcessBuilder(command).redirectError(log.toFile()).start();
    NodeProcess node = new NodeProcess(nodeId, process, log);
    node.await(l -> l.equals("UP " + nodeId), patience);
    return node;
  }

  public long pid() {
    return process.pid();
  }

  /** Sends one command line. */
  public void send(String command) throws IOException {
    stdin.write(command + "\n");
    stdin.flush();
  }

  /** Waits for a line that matches; fails with what the node printed when none comes in time. */
  public String await(Predicate<String> matches, Duration patience) {
    long deadline = System.nanoTime() + patience.toNanos();
    synchronized (lines) {
      while (true) {
        Optional<String> found = lines.stream().filter(matches).findFirst();
        if (found.isPresent()) {
          return found.get();
        }
        long left = deadline - System.nanoTime();
        if (left <= 0 || (!process.isAlive() && lines.stream().noneMatch(matches))) {
          throw new AssertionError("node " + nodeId + " printed no expected line within " + patience + "; it printed "
              + lines + "; its log:\n" + logTail());
        }
        try {
          lines.wait(Math.max(1, TimeUnit.NANOSECONDS.toMillis(left)));
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
          throw new AssertionError("interrupted", e);
        }
      }
    }
  }

  /** Everything the node printed so far. */
  public List<String> lines() {
    synchronized (lines) {
      return List.copyOf(lines);
    }
  }

  /** {@code kill -STOP}: the JVM freezes, its threads and timers with it. */
  public void pause() throws IOException {
    signal("-STOP");
  }

  /** {@code kill -CONT}. */
  public void resume() throws IOException {
    signal("-CONT");
  }

  /** {@code kill -9}, and waits for the process to end. */
  public void kill() {
    try {
      process.destroyForcibly().waitFor(20, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  /** Kills the node if it still runs (resumed first, should it be paused) and deletes its log. */
  @Override
  public void close() throws IOException {
    if (process.isAlive()) {
      signal("-CONT");
      kill();
    }
    Files.deleteIfExists(log);
  }

  private void signal(String signal) throws IOException {
    Process kill = new ProcessBuilder("kill", signal, String.valueOf(process.pid())).inheritIO().start();
    try {
      if (!kill.waitFor(10, TimeUnit.SECONDS) || kill.exitValue() != 0) {
        throw new IOException("kill " + signal + " " + process.pid() + " failed");
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IOException("interrupted sending " + signal, e);
    }
  }

  private void read() {
    try (BufferedReader out = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
      String line;
      while ((line = out.readLine()) != null) {
        synchronized (lines) {
          lines.add(line);
          lines.notifyAll();
        }
      }
    } catch (IOException e) {
      // The process ended.
    }
    synchronized (lines) {
      lines.notifyAll();
    }
  }

  private String logTail() {
    try {
      List<String> all = Files.readAllLines(log);
      return String.join("\n", all.subList(Math.max(0, all.size() - 40), all.size()));
    } catch (IOException e) {
      return "(no log)";
    }
  }
}
