package io.brokkr.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;

/**
 * A case in BullMQ's Node process ({@code bench.mjs --handshake}). The process stops at each run's
 * "turn", before it opens its connections, until the bench lets it go: other peers' runs fit in
 * between while it holds nothing on Redis. It stops again at "ready", when the bench reads the Redis
 * counters, and ends each run with its "result".
 */
final class BullmqTrial implements Trial {
  private static final ObjectMapper JSON = new ObjectMapper();
  /** Kills a process that does not answer within its limit; a stuck peer must not hang the bench. */
  private static final ScheduledExecutorService WATCHDOG = Executors.newSingleThreadScheduledExecutor(task -> {
    Thread thread = new Thread(task, "bullmq-watchdog");
    thread.setDaemon(true);
    return thread;
  });

  private final Process process;
  private final BufferedReader out;
  private final Writer in;
  private final Meter meter;
  private final Duration limit;
  private final List<MeasuredRun> measured = new ArrayList<>();
  private Optional<MeasuredRun> probe = Optional.empty();
  /** The kind of the run waiting for its turn; empty once the process is done. */
  private Optional<RunKind> waiting = Optional.empty();
  private volatile boolean killed;

  private BullmqTrial(Process process, Meter meter, Duration limit) {
    this.process = process;
    this.out = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
    this.in = new OutputStreamWriter(process.getOutputStream(), StandardCharsets.UTF_8);
    this.meter = meter;
    this.limit = limit;
  }

  /**
   * Starts the process and runs its warm-up; each wait for it is cut off after {@code limit}.
   *
   * @throws IOException when the process fails, says something unexpected or does not answer in time
   */
  static BullmqTrial start(ProcessBuilder command, Meter meter, Duration limit) throws IOException {
    BullmqTrial trial = new BullmqTrial(command.start(), meter, limit);
    try {
      trial.watched(() -> {
        trial.untilTurn();
        while (trial.waiting.equals(Optional.of(RunKind.WARMUP))) {
          trial.take();
        }
      });
      return trial;
    } catch (IOException | RuntimeException e) {
      trial.close();
      throw e;
    }
  }

  @Override
  public void settle() throws IOException {
    if (waiting.equals(Optional.of(RunKind.SETTLE))) {
      watched(this::take);
    }
  }

  @Override
  public boolean wantsMore() {
    return waiting.equals(Optional.of(RunKind.MEASURED));
  }

  @Override
  public void measure() throws IOException {
    if (!wantsMore()) {
      throw new IllegalStateException("the BullMQ peer has no measured run left");
    }
    watched(this::take);
  }

  @Override
  public Peer.Runs finish() throws IOException {
    watched(() -> {
      while (waiting.isPresent()) {
        take();
      }
    });
    return new Peer.Runs(List.copyOf(measured), probe, List.of());
  }

  @Override
  public void close() {
    process.destroy();
    try {
      if (!process.waitFor(10, TimeUnit.SECONDS)) {
        process.destroyForcibly();
      }
    } catch (InterruptedException e) {
      process.destroyForcibly();
      Thread.currentThread().interrupt();
    }
  }

  private interface Conversation {
    void run() throws IOException;
  }

  /** Talks with the process, killing it if it has not answered within the limit. */
  private void watched(Conversation conversation) throws IOException {
    ScheduledFuture<?> kill = WATCHDOG.schedule(() -> {
      killed = true;
      process.destroyForcibly();
    }, limit.toMillis(), TimeUnit.MILLISECONDS);
    try {
      conversation.run();
    } finally {
      kill.cancel(false);
    }
  }

  /** Lets the waiting run go: reads Redis at its "ready", keeps its "result", then reads on to the next turn. */
  private void take() throws IOException {
    RunKind kind = waiting.orElseThrow();
    go();
    JsonNode ready = next();
    expect(ready, "ready", kind);
    Meter.Reading reading = meter.begin(kind);
    go();
    JsonNode result = next();
    expect(result, "result", kind);
    MeasuredRun run = new MeasuredRun(JSON.treeToValue(result.path("run"), RawRun.class), reading.end());
    switch (kind) {
      case MEASURED -> measured.add(run);
      case PROBE -> probe = Optional.of(run);
      case WARMUP, SETTLE -> { }
    }
    untilTurn();
  }

  /** Reads the next run's "turn", or the "done" after the last run. */
  private void untilTurn() throws IOException {
    JsonNode message = next();
    switch (message.path("type").asText()) {
      case "turn" -> waiting = Optional.of(RunKind.byName(message.path("kind").asText()));
      case "done" -> waiting = Optional.empty();
      default -> throw unexpected(message);
    }
  }

  private void go() throws IOException {
    in.write("go\n");
    in.flush();
  }

  private JsonNode next() throws IOException {
    String line = out.readLine();
    if (line == null) {
      throw new IOException(killed
          ? "the BullMQ peer did not answer within " + limit.toSeconds() + " s and was stopped"
          : "the BullMQ peer ended before it was done");
    }
    JsonNode message = JSON.readTree(line);
    if (message.path("type").asText().equals("error")) {
      throw new IOException("the BullMQ peer failed: " + message.path("message").asText());
    }
    return message;
  }

  private static void expect(JsonNode message, String type, RunKind kind) throws IOException {
    if (!message.path("type").asText().equals(type) || RunKind.byName(message.path("kind").asText()) != kind) {
      throw unexpected(message);
    }
  }

  private static IOException unexpected(JsonNode message) {
    return new IOException("the BullMQ peer said something unexpected: " + message);
  }
}
