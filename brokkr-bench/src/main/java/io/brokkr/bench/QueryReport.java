package io.brokkr.bench;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.brokkr.runtime.SagaPage;
import io.brokkr.runtime.SagaQuery;
import io.brokkr.runtime.SagaStatus;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * The figures of one {@link QueryFigures} run.
 *
 * @param machine what they were measured on
 * @param command the command that measured them
 * @param sagas the sagas in the namespace
 * @param partitions the namespace's partitions
 * @param fillSeconds how long filling the namespace took
 * @param counts what {@code countSagas()} said
 * @param stranded what {@code strandedWorkers()} said
 * @param timings each query's times, in the order measured
 * @param memory what the sagas cost Redis
 */
record QueryReport(Map<String, String> machine, String command, int sagas, int partitions, double fillSeconds,
    Map<SagaStatus, Long> counts, Map<String, Long> stranded, List<Timed> timings, Memory memory) {

  private static final ObjectMapper MAPPER = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

  /**
   * One query, timed.
   *
   * @param key a stable name for tools and tests
   * @param label what it asks, for people
   * @param medianMs the median of the measured calls
   * @param p90Ms their 90th percentile (nearest rank)
   * @param maxMs the slowest
   * @param result what the last call returned, in short
   * @param asked for a query of sagas, the query and the page it returned (not written out)
   */
  record Timed(String key, String label, double medianMs, double p90Ms, double maxMs, String result,
      Optional<Asked> asked) {

    static Timed of(String key, String label, long[] nanos, String result, Optional<Asked> asked) {
      double[] ms = Arrays.stream(nanos).mapToDouble(n -> n / 1e6).sorted().toArray();
      int n = ms.length;
      double median = n % 2 == 1 ? ms[n / 2] : (ms[n / 2 - 1] + ms[n / 2]) / 2;
      double p90 = Stat.percentile(nanos, 90) / 1e6;
      return new Timed(key, label, median, p90, ms[n - 1], result, asked);
    }
  }

  /**
   * A query of sagas and the page it returned, so that a test can check the page against the query.
   *
   * @param query the query
   * @param page the page
   */
  record Asked(SagaQuery query, SagaPage page) {}

  /**
   * What the sagas cost Redis: {@code used_memory} around the fill, and the saga indexes' keys.
   *
   * @param usedBefore {@code used_memory} before the fill
   * @param usedAfter {@code used_memory} after it
   * @param indexBytes {@code MEMORY USAGE} of every index key of the namespace, summed
   * @param indexKeys how many index keys there are
   */
  record Memory(long usedBefore, long usedAfter, long indexBytes, int indexKeys) {}

  double bytesPerSaga() {
    return (double) (memory.usedAfter() - memory.usedBefore()) / sagas;
  }

  double indexBytesPerSaga() {
    return (double) memory.indexBytes() / sagas;
  }

  /** {@return the index's share of what the fill added to {@code used_memory}} */
  double indexShare() {
    return memory.indexBytes() / (double) (memory.usedAfter() - memory.usedBefore());
  }

  Optional<Timed> timed(String key) {
    return timings.stream().filter(t -> t.key().equals(key)).findFirst();
  }

  String table() {
    StringBuilder out = new StringBuilder();
    out.append(String.format(Locale.ROOT, "%,d sagas in %d partitions, filled in %.1f s (%,.0f sagas/s); counts %s%n%n",
        sagas, partitions, fillSeconds, sagas / fillSeconds, counts));
    out.append("| query | median | p90 | max | returned |\n|---|---|---|---|---|\n");
    for (Timed t : timings) {
      out.append(String.format(Locale.ROOT, "| %s | %s ms | %s ms | %s ms | %s |%n", t.label(), Numbers.format(t.medianMs()),
          Numbers.format(t.p90Ms()), Numbers.format(t.maxMs()), t.result()));
    }
    out.append(String.format(Locale.ROOT, "%nRedis memory per saga: %s B, of which the saga indexes %s B (%.0f %%, %d keys)%n",
        Numbers.format(bytesPerSaga()), Numbers.format(indexBytesPerSaga()), 100 * indexShare(), memory.indexKeys()));
    return out.toString();
  }

  void writeJson(Path file) throws IOException {
    ObjectNode root = MAPPER.createObjectNode();
    ObjectNode about = root.putObject("machine");
    machine.forEach(about::put);
    root.put("command", command);
    root.put("sagas", sagas);
    root.put("partitions", partitions);
    root.put("fillSeconds", fillSeconds);
    ObjectNode byStatus = root.putObject("countSagas");
    counts.forEach((status, n) -> byStatus.put(status.name(), n));
    ObjectNode workers = root.putObject("strandedWorkers");
    stranded.forEach(workers::put);
    var queries = root.putArray("timings");
    for (Timed t : timings) {
      ObjectNode node = queries.addObject();
      node.put("key", t.key());
      node.put("label", t.label());
      node.put("medianMs", t.medianMs());
      node.put("p90Ms", t.p90Ms());
      node.put("maxMs", t.maxMs());
      node.put("returned", t.result());
    }
    ObjectNode mem = root.putObject("memory");
    mem.put("usedBefore", memory.usedBefore());
    mem.put("usedAfter", memory.usedAfter());
    mem.put("bytesPerSaga", bytesPerSaga());
    mem.put("indexBytes", memory.indexBytes());
    mem.put("indexKeys", memory.indexKeys());
    mem.put("indexBytesPerSaga", indexBytesPerSaga());
    mem.put("indexShare", indexShare());
    Path parent = file.toAbsolutePath().getParent();
    if (parent != null) {
      Files.createDirectories(parent);
    }
    MAPPER.writeValue(file.toFile(), root);
  }
}
