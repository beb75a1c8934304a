package io.brokkr.runtime.redis.testing;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/**
 * A private {@code redis-server} (from PATH) on a free loopback port, for tests and benchmarks:
 * nothing persisted, its files in a temporary folder, stopped by {@link #close()} or, at the
 * latest, when the JVM exits.
 */
public final class RedisServer implements AutoCloseable {
  private static final Duration START_TIMEOUT = Duration.ofSeconds(20);

  private final Process process;
  private final int port;
  private final Path dir;
  private final Thread reaper;

  private RedisServer(Process process, int port, Path dir) {
    this.process = process;
    this.port = port;
    this.dir = dir;
    this.reaper = new Thread(process::destroyForcibly, "redis-server-reaper-" + port);
    Runtime.getRuntime().addShutdownHook(reaper);
  }

  /** Starts a standalone server and waits until it answers. */
  public static RedisServer start() throws IOException {
    return start(List.of());
  }

  /** Starts a server with extra {@code redis-server} arguments and waits until it answers. */
  public static RedisServer start(List<String> extraArgs) throws IOException {
    return start(freePort(false), extraArgs);
  }

  static RedisServer start(int port, List<String> extraArgs) throws IOException {
    Path dir = Files.createTempDirectory("brokkr-redis-" + port + "-");
    List<String> command = new ArrayList<>(List.of("redis-server",
        "--port", String.valueOf(port), "--bind", "127.0.0.1", "--save", "", "--appendonly", "no",
        "--dir", dir.toString(), "--logfile", dir.resolve("redis.log").toString()));
    command.addAll(extraArgs);
    Process process;
    try {
      process = new ProcessBuilder(command).redirectErrorStream(true)
          .redirectOutput(dir.resolve("stdout.log").toFile()).start();
    } catch (IOException e) {
      throw new IOException("cannot start redis-server: is it on PATH? (Debian: apt-get install redis-server)", e);
    }
    RedisServer server = new RedisServer(process, port, dir);
    server.awaitReady();
    return server;
  }

  /** The server's port on 127.0.0.1. */
  public int port() {
    return port;
  }

  /** {@code redis://127.0.0.1:<port>}, as Redisson takes it. */
  public String uri() {
    return "redis://127.0.0.1:" + port;
  }

  /** The operating-system process id, e.g. to pause it with SIGSTOP. */
  public long pid() {
    return process.pid();
  }

  /** Sends one command in the inline protocol and returns the raw reply, e.g. {@code "+PONG\r\n"}. */
  public String command(String inline) throws IOException {
    try (Socket socket = new Socket()) {
      socket.connect(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 1000);
      socket.setSoTimeout(5000);
      OutputStream out = socket.getOutputStream();
      out.write((inline + "\r\nQUIT\r\n").getBytes(StandardCharsets.UTF_8));
      out.flush();
      InputStream in = socket.getInputStream();
      String reply = new String(in.readAllBytes(), StandardCharsets.UTF_8);
      // Drop the +OK that answers QUIT.
      return reply.endsWith("+OK\r\n") ? reply.substring(0, reply.length() - 5) : reply;
    }
  }

  /**
   * Blocks the server with {@code DEBUG SLEEP seconds} from a connection of its own (it must run with
   * {@code --enable-debug-command yes}) and returns once the sleep has begun, so that what is sent now
   * waits; the future completes with the reply when the server wakes.
   */
  public CompletableFuture<String> sleep(String seconds, Duration patience) throws IOException {
    CompletableFuture<String> slept = CompletableFuture.supplyAsync(() -> {
      try {
        return command("DEBUG SLEEP " + seconds);
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    });
    awaitBlocked(patience);
    return slept;
  }

  /**
   * Waits until the server leaves a PING unanswered for 50 ms: it is blocked (DEBUG SLEEP, a long
   * script, SIGSTOP), so that what is sent now waits.
   *
   * @throws AssertionError when it still answers after {@code patience}
   */
  public void awaitBlocked(Duration patience) throws IOException {
    long end = System.nanoTime() + patience.toNanos();
    while (System.nanoTime() < end) {
      try (Socket socket = new Socket()) {
        socket.connect(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 1000);
        socket.setSoTimeout(50);
        socket.getOutputStream().write("PING\r\n".getBytes(StandardCharsets.US_ASCII));
        socket.getInputStream().read();
      } catch (SocketTimeoutException blocked) {
        return;
      }
    }
    throw new AssertionError("redis-server on port " + port + " never blocked within " + patience);
  }

  private void awaitReady() throws IOException {
    long deadline = System.nanoTime() + START_TIMEOUT.toNanos();
    IOException last = null;
    while (System.nanoTime() < deadline) {
      if (!process.isAlive()) {
        throw new IOException("redis-server exited with " + process.exitValue() + ": " + log());
      }
      try {
        if (command("PING").startsWith("+PONG")) {
          return;
        }
      } catch (IOException e) {
        last = e;
      }
      pause();
    }
    close();
    throw new IOException("redis-server on port " + port + " did not answer within " + START_TIMEOUT, last);
  }

  private String log() {
    try {
      return Files.readString(dir.resolve("redis.log")) + Files.readString(dir.resolve("stdout.log"));
    } catch (IOException e) {
      return "(no log: " + e.getMessage() + ")";
    }
  }

  /** Stops the server and deletes its files. */
  @Override
  public void close() {
    process.destroy();
    try {
      if (!process.waitFor(10, TimeUnit.SECONDS)) {
        process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
      }
    } catch (InterruptedException e) {
      process.destroyForcibly();
      Thread.currentThread().interrupt();
    }
    try {
      Runtime.getRuntime().removeShutdownHook(reaper);
    } catch (IllegalStateException shuttingDown) {
      // The hook is running or has run: the process is being stopped either way.
    }
    deleteQuietly(dir);
  }

  /**
   * A port free on 127.0.0.1; for a cluster node, its bus port (port + 10000) is free too. The port
   * could be taken between this check and the server's start; a start on a taken port fails clearly.
   */
  static int freePort(boolean withBusPort) throws IOException {
    for (int tries = 0; tries < 100; tries++) {
      int port;
      try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
        port = socket.getLocalPort();
      }
      if (!withBusPort) {
        return port;
      }
      if (port + 10000 <= 65535 && isFree(port + 10000)) {
        return port;
      }
    }
    throw new IOException("no free loopback port found");
  }

  private static boolean isFree(int port) {
    try (ServerSocket socket = new ServerSocket(port, 1, InetAddress.getLoopbackAddress())) {
      return true;
    } catch (IOException e) {
      return false;
    }
  }

  static void pause() {
    try {
      Thread.sleep(50);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  static void deleteQuietly(Path dir) {
    try (var files = Files.walk(dir)) {
      files.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
    } catch (IOException e) {
      // A leftover temporary folder is harmless.
    }
  }
}
