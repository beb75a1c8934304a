package io.brokkr.bench;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * BullMQ flows in Node ({@code bench/peers/bullmq/bench.mjs}), on the bench's Redis. Each case is
 * one Node process that runs its warm-up, measured runs and probe as a {@link BullmqTrial} lets it,
 * so that its runs take turns with the other peers' and both peers are measured by the same
 * {@link Meter}.
 */
final class BullmqPeer implements Peer {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final Path HOME = Path.of("bench", "peers", "bullmq");
  private static final Duration INSTALL_LIMIT = Duration.ofMinutes(5);

  private final Path dir;
  private final RedisAddress redis;
  private final String runTag;
  private final Map<String, String> versions;
  private int caseCount;

  private BullmqPeer(Path dir, RedisAddress redis, String runTag, Map<String, String> versions) {
    this.dir = dir;
    this.redis = redis;
    this.runTag = runTag;
    this.versions = versions;
  }

  /**
   * The peer, with BullMQ installed from its lock file when it is not yet; empty, with the reason
   * on {@code log}, when Node, npm or the peer's folder is missing.
   */
  static Optional<BullmqPeer> open(Optional<Path> given, RedisAddress redis, String runTag, PrintStream log) {
    Optional<Path> dir = given.or(BullmqPeer::findHome);
    if (dir.isEmpty() || !Files.exists(dir.get().resolve("bench.mjs"))) {
      log.println("bullmq: left out: no " + HOME.resolve("bench.mjs") + " above " + Path.of("").toAbsolutePath()
          + " (use --bullmq-dir); printing Brokkr alone");
      return Optional.empty();
    }
    try {
      String node = NodeTool.run(dir.get(), Duration.ofSeconds(30), List.of("node", "--version"));
      if (!Files.exists(dir.get().resolve("node_modules/bullmq/package.json"))) {
        log.println("bullmq: installing BullMQ from package-lock.json (npm ci) ...");
        NodeTool.run(dir.get(), INSTALL_LIMIT, List.of("npm", "ci", "--no-audit", "--no-fund"));
      }
      Map<String, String> versions = new LinkedHashMap<>();
      versions.put("node", node);
      versions.put("bullmq", version(dir.get(), "bullmq"));
      versions.put("ioredis", version(dir.get(), "ioredis"));
      return Optional.of(new BullmqPeer(dir.get(), redis, runTag, versions));
    } catch (IOException e) {
      log.println("bullmq: left out: " + e.getMessage() + "; printing Brokkr alone");
      return Optional.empty();
    }
  }

  /** Node, BullMQ and ioredis versions, for the report. */
  Map<String, String> versions() {
    return versions;
  }

  @Override
  public String name() {
    return Goals.BULLMQ;
  }

  @Override
  public Optional<RedisAddress> redis() {
    return Optional.of(redis);
  }

  @Override
  public boolean supports(Case c) {
    return c.scenario() != Scenario.SCALING;
  }

  @Override
  public boolean processPerCase() {
    return true;
  }

  @Override
  public Trial open(Case c, Meter meter) throws IOException {
    List<String> command = List.of("node", "bench.mjs", "--host", redis.host(), "--port", String.valueOf(redis.port()),
        "--scenario", c.scenario().cliName(), "--size", String.valueOf(c.size()), "--sagas", String.valueOf(c.sagas()),
        "--concurrency", String.valueOf(c.concurrency()), "--warmup", String.valueOf(c.warmup()),
        "--warmup-seconds", String.valueOf(c.warmupSeconds()),
        "--settle", "1", "--runs", String.valueOf(c.runs()),
        "--min-run-ms", String.valueOf(Case.THROUGHPUT_RUN_AT_LEAST.toMillis()), "--probe-sagas", String.valueOf(c.probeSagas()),
        "--tag", runTag + "-" + (++caseCount), "--handshake");
    // Generous, so that only a stuck process is stopped: what its whole case takes at 100 steps a second.
    Duration limit = Duration.ofSeconds(120 + c.warmupSeconds()
        + (long) c.sagas() * c.stepsPerSaga() * (c.warmup() + c.runs()) / 100);
    return BullmqTrial.start(new ProcessBuilder(command).directory(dir.toFile())
        .redirectError(ProcessBuilder.Redirect.INHERIT), meter, limit);
  }

  private static Optional<Path> findHome() {
    for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
      if (Files.exists(dir.resolve(HOME).resolve("bench.mjs"))) {
        return Optional.of(dir.resolve(HOME));
      }
    }
    return Optional.empty();
  }

  private static String version(Path dir, String module) throws IOException {
    return JSON.readTree(dir.resolve("node_modules").resolve(module).resolve("package.json").toFile()).path("version").asText();
  }
}
