package io.brokkr.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectReader;
import io.brokkr.bench.Scenario.Shape;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * The floor under the in-memory store: the hammer graph as bare {@link CompletableFuture}s on a
 * pool of the case's concurrency, with the JSON round trips a Brokkr step makes (its inputs encoded
 * at the start; each step's args and dependency results decoded, its result encoded), each done the
 * plain Jackson way, and nothing else: no store, no lease, no history, no event. What Brokkr in
 * memory costs above it is coordination.
 */
final class FloorPeer implements Peer {
  static final String NAME = "floor";

  private final ObjectMapper mapper = new ObjectMapper();
  private final ObjectReader strings = mapper.readerFor(String.class);
  /** A pool per concurrency, kept across cases: a case's runs may take turns with other peers'. */
  private final Map<Integer, ExecutorService> pools = new HashMap<>();

  @Override
  public String name() {
    return NAME;
  }

  @Override
  public Optional<RedisAddress> redis() {
    return Optional.empty();
  }

  @Override
  public boolean supports(Case c) {
    return c.shape() == Shape.HAMMER;
  }

  @Override
  public Trial open(Case c, Meter meter) throws Exception {
    ExecutorService pool = pools.computeIfAbsent(c.concurrency(), Executors::newFixedThreadPool);
    return InJvmRuns.open(c, meter, (sagas, kind) -> {
      Meter.Reading reading = meter.begin(kind);
      RawRun raw = c.scenario().allAtOnce()
          ? InJvmRuns.allAtOnce(c, sagas, launcher(pool))
          : InJvmRuns.oneInFlight(c, sagas, launcher(pool), new LevelClock(0));
      return new MeasuredRun(raw, reading.end());
    });
  }

  @Override
  public void close() {
    pools.values().forEach(ExecutorService::shutdownNow);
    pools.clear();
  }

  /** The hammer sagas as {@link InJvmRuns} launches them, each checked as it settles. */
  private InJvmRuns.Launcher launcher(ExecutorService pool) {
    return index -> new InJvmRuns.Launched("floor-" + index, hammer(index, pool).thenApply(result -> {
      check(index, result);
      return result;
    }));
  }

  /** One hammer saga: head and handle at once, hammer on their results, as {@link BrokkrShapes} runs it. */
  private CompletableFuture<String> hammer(int index, ExecutorService pool) {
    Map<String, ?> inputs = BrokkrShapes.inputs(Shape.HAMMER, index);
    String headArgs = "[" + encode(inputs.get("headType")) + "]";
    String handleArgs = "[" + encode(inputs.get("handleSize")) + "]";
    CompletableFuture<String> head = CompletableFuture.supplyAsync(() -> encode("head:" + arg(headArgs)), pool);
    CompletableFuture<String> handle = CompletableFuture.supplyAsync(() -> encode("handle:" + arg(handleArgs)), pool);
    return head.thenCombineAsync(handle, (h, d) -> encode(read(h) + "+" + read(d)), pool);
  }

  /** The hammer's result, as the Brokkr workers compute it: the run did the work it claims. */
  private void check(int index, String hammerJson) {
    String expected = "head:thunder-" + index + "+handle:short";
    if (!read(hammerJson).equals(expected)) {
      throw new IllegalStateException("floor saga " + index + " ended with " + hammerJson + ", expected \"" + expected + "\"");
    }
  }

  /** The first arg of a step, decoded as a worker's {@code in.arg(0, String.class)} does. */
  private String arg(String argsJson) {
    return read(tree(argsJson).get(0));
  }

  private String read(String json) {
    try {
      return strings.readValue(json);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private String read(JsonNode node) {
    try {
      return strings.readValue(node);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private JsonNode tree(String json) {
    try {
      return mapper.readTree(json);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private String encode(Object value) {
    try {
      return mapper.writeValueAsString(value);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
