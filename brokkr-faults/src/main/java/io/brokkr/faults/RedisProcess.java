package io.brokkr.faults;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * The suite's {@code redis-server} on a free loopback port, with its data in a folder that survives
 * restarts: it can be killed, paused, resumed and started again on the same port and data.
 * Adapted from the runtime's test harness, which cannot restart a server. Also the data servers of
 * the sentinel and cluster topologies, and the sentinels themselves.
 */
public final class RedisProcess implements AutoCloseable {
  private static final Duration START_TIMEOUT = Duration.ofSeconds(20);

  private final int port;
  private final Path dir;
  private final List<String> base;
  private final Thread reaper = new Thread(this::killQuietly, "redis-reaper");
  private volatile List<String> extra;
  private volatile Process process;

  private RedisProcess(int port, Path dir, List<String> base, List<String> extra) {
    this.port = port;
    this.dir = dir;
    this.base = List.copyOf(base);
    this.extra = List.copyOf(extra);
    Runtime.getRuntime().addShutdownHook(reaper);
  }

  /** Starts a server persisting as {@code persistence}, in a new folder under {@code parent}. */
  public static RedisProcess start(Path parent, Persistence persistence) throws IOException {
    return start(parent, freePort(), persistence, List.of());
  }

  /**
   * Starts a server on {@code port} persisting as {@code persistence}, with more arguments (e.g.
   * {@code --replicaof}, {@code --cluster-enabled}), in a new folder under {@code parent}.
   */
  public static RedisProcess start(Path parent, int port, Persistence persistence, List<String> extra) throws IOException {
    Path dir = Files.createDirectories(parent.resolve("redis-" + port));
    List<String> base = new ArrayList<>(List.of("redis-server", "--port", String.valueOf(port),
        "--bind", "127.0.0.1", "--save", "", "--dir", dir.toString(), "--logfile", dir.resolve("redis.log").toString(),
        "--enable-debug-command", "local"));
    base.addAll(persistence.args());
    RedisProcess redis = new RedisProcess(port, dir, base, extra);
    redis.launch();
    return redis;
  }

  /**
   * Starts {@code redis-server --sentinel} on a free port, monitoring {@code masterName} at
   * {@code masterPort} with a quorum of 2; it declares the master down after 2 s without an answer (1 s
   * fails over a master that a loaded machine left unanswered for a second) and gives a failover 2 s,
   * so that a failover completes within seconds.
   */
  public static RedisProcess sentinel(Path parent, String masterName, int masterPort) throws IOException {
    int port = freePort();
    Path dir = Files.createDirectories(parent.resolve("sentinel-" + port));
    Path conf = dir.resolve("sentinel.conf");
    Files.writeString(conf, String.join("\n", "port " + port, "bind 127.0.0.1", "dir " + dir,
        "logfile " + dir.resolve("sentinel.log"),
        "sentinel monitor " + masterName + " 127.0.0.1 " + masterPort + " 2",
        "sentinel down-after-milliseconds " + masterName + " 2000",
        "sentinel failover-timeout " + masterName + " 2000",
        "sentinel parallel-syncs " + masterName + " 1", ""));
    RedisProcess sentinel = new RedisProcess(port, dir, List.of("redis-server", conf.toString(), "--sentinel"), List.of());
    sentinel.launch();
    return sentinel;
  }

  /** {@code redis://127.0.0.1:<port>}. */
  public String uri() {
    return "redis://127.0.0.1:" + port;
  }

  public int port() {
    return port;
  }

  public long pid() {
    return process.pid();
  }

  /** {@code kill -9}. */
  public void kill() {
    Signals.kill(process);
  }

  /** SIGSTOP: the server freezes, its clients time out. */
  public void pause() {
    Signals.stop(process.pid());
  }

  /** SIGCONT. */
  public void resume() {
    Signals.cont(process.pid());
  }

  /** {@code SHUTDOWN}: the server flushes what it persists and exits; waits until it did. */
  public void shutdown() throws IOException {
    command("SHUTDOWN", Duration.ofSeconds(10));
    try {
      process.waitFor(15, java.util.concurrent.TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  /** Starts the server again on the same port and data, after a kill; waits until it answers. */
  public void restart() throws IOException {
    kill();
    launch();
  }

  /**
   * Starts the server again on the same port and data as a replica of {@code masterPort}, with
   * {@code replica-priority 0}: sentinels do not promote it before it synced and is given a priority.
   */
  public void restartAsReplicaOf(int masterPort) throws IOException {
    kill();
    extra = List.of("--replicaof", "127.0.0.1", String.valueOf(masterPort), "--replica-priority", "0");
    launch();
  }

  /** Whether the process runs (it may be paused). */
  public boolean isAlive() {
    return process.isAlive();
  }

  /**
   * Sends one inline command and returns its raw reply, e.g. {@code "+OK\r\n"}; empty when the
   * server closed the connection instead ({@code SHUTDOWN}).
   */
  public String command(String inline, Duration patience) throws IOException {
    try (Socket socket = new Socket()) {
      socket.connect(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 1000);
      socket.setSoTimeout((int) patience.toMillis());
      OutputStream out = socket.getOutputStream();
      out.write((inline + "\r\n").getBytes(StandardCharsets.UTF_8));
      out.flush();
      StringBuilder reply = new StringBuilder();
      readReply(socket.getInputStream(), reply);
      return reply.toString();
    }
  }

  /** Reads one RESP reply (a sentinel does not know QUIT, so the suite cannot read to the end). */
  private static void readReply(InputStream in, StringBuilder reply) throws IOException {
    String line = readLine(in);
    if (line.isEmpty()) {
      return;
    }
    reply.append(line).append("\r\n");
    char type = line.charAt(0);
    if (type == '$' || type == '*') {
      int n = Integer.parseInt(line.substring(1));
      for (int i = 0; i < n; i++) {
        if (type == '*') {
          readReply(in, reply);
        } else {
          reply.append((char) in.read());
        }
      }
      if (type == '$' && n >= 0) {
        reply.append(readLine(in)).append("\r\n");
      }
    }
  }

  /** A line without its CRLF; empty at the end of the stream. */
  private static String readLine(InputStream in) throws IOException {
    StringBuilder line = new StringBuilder();
    int c;
    while ((c = in.read()) >= 0 && c != '\n') {
      if (c != '\r') {
        line.append((char) c);
      }
    }
    return line.toString();
  }

  private void launch() throws IOException {
    List<String> command = new ArrayList<>(base);
    command.addAll(extra);
    try {
      process = new ProcessBuilder(command).redirectErrorStream(true)
          .redirectOutput(ProcessBuilder.Redirect.appendTo(dir.resolve("stdout.log").toFile())).start();
    } catch (IOException e) {
      throw new IOException("cannot start redis-server: is it on PATH? (Debian: apt-get install redis-server)", e);
    }
    long deadline = System.nanoTime() + START_TIMEOUT.toNanos();
    while (System.nanoTime() < deadline) {
      if (!process.isAlive()) {
        throw new IOException("redis-server exited with " + process.exitValue() + "; see " + dir.resolve("redis.log"));
      }
      try {
        // A server loading its append-only file answers -LOADING; wait for PONG.
        if (command("PING", Duration.ofSeconds(2)).startsWith("+PONG")) {
          return;
        }
      } catch (IOException e) {
        // Not listening yet.
      }
      Pause.millis(50);
    }
    throw new IOException("redis-server on port " + port + " did not answer within " + START_TIMEOUT);
  }

  private void killQuietly() {
    Process p = process;
    if (p != null) {
      Signals.kill(p);
    }
  }

  @Override
  public void close() {
    killQuietly();
    try {
      Runtime.getRuntime().removeShutdownHook(reaper);
    } catch (IllegalStateException shuttingDown) {
      // The hook runs anyway.
    }
  }

  static int freePort() throws IOException {
    try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      return socket.getLocalPort();
    }
  }

  /** A free port whose cluster bus port (10000 above it) is free too. */
  static int freePortWithBus() throws IOException {
    for (int tries = 0; tries < 200; tries++) {
      int port = freePort();
      if (port + 10000 <= 65535) {
        try (ServerSocket bus = new ServerSocket(port + 10000, 1, InetAddress.getLoopbackAddress())) {
          return port;
        } catch (IOException taken) {
          // Try another.
        }
      }
    }
    throw new IOException("no free port with a free bus port (port + 10000)");
  }
}
