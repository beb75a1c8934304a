package io.brokkr.faults;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * One node of the suite, a {@link NodeMain} in a child JVM: started, paused, resumed, killed and
 * started again under the same node id. Its stderr goes to a log file next to the ledger.
 */
public final class NodeHandle implements AutoCloseable {
  private static final Duration START_PATIENCE = Duration.ofSeconds(60);

  private final NodeSettings settings;
  private final Path logDir;
  private final Thread reaper = new Thread(this::killQuietly, "node-reaper");
  private volatile Process process;

  private NodeHandle(NodeSettings settings, Path logDir) {
    this.settings = settings;
    this.logDir = logDir;
    Runtime.getRuntime().addShutdownHook(reaper);
  }

  /** Starts a node and waits until it is up. */
  public static NodeHandle start(NodeSettings settings, Path logDir) throws IOException {
    NodeHandle node = new NodeHandle(settings, logDir);
    node.launch();
    return node;
  }

  public String nodeId() {
    return settings.nodeId();
  }

  public long pid() {
    return process.pid();
  }

  public boolean isAlive() {
    return process.isAlive();
  }

  public void pause() {
    Signals.stop(process.pid());
  }

  public void resume() {
    Signals.cont(process.pid());
  }

  /** {@code kill -9}. */
  public void kill() {
    Signals.kill(process);
  }

  /** Starts a new process under the same node id, after a kill. */
  public void restart() throws IOException {
    kill();
    launch();
  }

  private void launch() throws IOException {
    List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
        "-Xmx128m", "-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC", "-cp", Classpath.current(), NodeMain.class.getName()));
    command.addAll(settings.toArgs());
    Process started = new ProcessBuilder(command)
        .redirectError(ProcessBuilder.Redirect.appendTo(logDir.resolve(settings.nodeId() + ".log").toFile())).start();
    process = started;
    CompletableFuture<Void> up = new CompletableFuture<>();
    Thread reader = new Thread(() -> {
      try (BufferedReader out = new BufferedReader(new InputStreamReader(started.getInputStream(), StandardCharsets.UTF_8))) {
        String line;
        while ((line = out.readLine()) != null) {
          if (line.startsWith("UP ")) {
            up.complete(null);
          }
        }
      } catch (IOException e) {
        // The process ended.
      }
      up.completeExceptionally(new IOException("node " + settings.nodeId() + " exited before it was up; see its log"));
    }, "node-" + settings.nodeId() + "-stdout");
    reader.setDaemon(true);
    reader.start();
    try {
      up.get(START_PATIENCE.toMillis(), TimeUnit.MILLISECONDS);
    } catch (TimeoutException e) {
      throw new IOException("node " + settings.nodeId() + " not up within " + START_PATIENCE, e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IOException("interrupted", e);
    } catch (java.util.concurrent.ExecutionException e) {
      throw new IOException(e.getCause().getMessage(), e.getCause());
    }
  }

  private void killQuietly() {
    Process p = process;
    if (p != null) {
      Signals.kill(p);
    }
  }

  /** Asks the node to close (stdin closes), then kills it if it is still there after a while. */
  @Override
  public void close() {
    Process p = process;
    if (p != null && p.isAlive()) {
      Signals.cont(p.pid());
      try {
        p.getOutputStream().close();
        p.waitFor(10, TimeUnit.SECONDS);
      } catch (IOException e) {
        // Its stdin is gone already.
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }
    killQuietly();
    try {
      Runtime.getRuntime().removeShutdownHook(reaper);
    } catch (IllegalStateException shuttingDown) {
      // The hook runs anyway.
    }
  }
}
