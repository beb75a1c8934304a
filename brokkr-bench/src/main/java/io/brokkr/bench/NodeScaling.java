package io.brokkr.bench;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.brokkr.runtime.redis.testing.RedisCluster;
import io.brokkr.runtime.redis.testing.RedisServer;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * The multi-node scenario of issue 18: 1, 2 and 4 node processes ({@link ScalingNode}) on one Redis
 * (or, with {@code --cluster 3}, on a Redis Cluster of three masters), every node running every
 * hammer worker and starting its share of a fixed number of hammer sagas.
 * Per run: sagas/s, Redis CPU and commands; per node: its CPU per saga and the pub/sub messages it
 * received. A node should not pay for the events of work it does not run: the total CPU per saga
 * should stay flat as nodes are added.
 *
 * <pre>
 * mvn -q -pl brokkr-bench -am test-compile exec:java -Dexec.mainClass=io.brokkr.bench.NodeScaling \
 *     -Dexec.args="--nodes 1,2,4 --sagas 4000 --rounds 2 [--cluster 3]"
 * </pre>
 */
public final class NodeScaling {
  private static final ObjectMapper MAPPER = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

  private NodeScaling() {}

  /** One run: how many nodes, and what each reported ({sagas started, CPU µs, messages, characters} per node). */
  record Run(int nodes, int sagas, long wallMillis, double redisCpuMicros, long redisCommands, List<long[]> perNode) {}

  /**
   * Runs the scenario and writes its JSON.
   *
   * @param args {@code --nodes LIST} (default 1,2,4), {@code --sagas N} (4000), {@code --rounds N} (2),
   *     {@code --warmup N} sagas per node (1500), {@code --cluster MASTERS} (0: one redis-server),
   *     {@code --redis-transitions direct|pool} (direct: the backend's own connections), {@code --json FILE},
   *     {@code --label TEXT}
   * @throws Exception when a node process fails or Redis cannot be read
   */
  public static void main(String[] args) throws Exception {
    Map<String, String> given = new LinkedHashMap<>();
    for (int i = 0; i + 1 < args.length; i += 2) {
      if (!args[i].startsWith("--")) {
        throw new IllegalArgumentException("expected a flag such as --nodes, got \"" + args[i] + "\"");
      }
      given.put(args[i].substring(2), args[i + 1]);
    }
    List<Integer> nodeCounts = Arrays.stream(given.getOrDefault("nodes", "1,2,4").split(",")).map(String::trim)
        .map(Integer::parseInt).toList();
    int sagas = Integer.parseInt(given.getOrDefault("sagas", "4000"));
    int rounds = Integer.parseInt(given.getOrDefault("rounds", "2"));
    int warmup = Integer.parseInt(given.getOrDefault("warmup", "1500"));
    Path json = Path.of(given.getOrDefault("json", "target/brokkr-node-scaling.json"));
    String label = given.getOrDefault("label", "");
    int masters = Integer.parseInt(given.getOrDefault("cluster", "0"));
    String transitions = given.getOrDefault("redis-transitions", "direct");
    if (!transitions.equals("direct") && !transitions.equals("pool")) {
      throw new IllegalArgumentException("--redis-transitions takes direct or pool, was \"" + transitions + "\"");
    }
    List<Run> runs = new ArrayList<>();
    Map<String, String> machine = Machine.describe(Map.of());
    try (AutoCloseable redis = masters > 0 ? RedisCluster.start(masters) : RedisServer.start()) {
      List<RedisServer> servers = redis instanceof RedisCluster cluster ? cluster.nodes() : List.of((RedisServer) redis);
      List<RedisAddress> addresses = servers.stream().map(server -> new RedisAddress("127.0.0.1", server.port())).toList();
      String tag = Long.toString(System.currentTimeMillis(), 36);
      int count = 0;
      for (int round = 0; round < rounds; round++) {
        for (int nodes : nodeCounts) {
          Run run = once(addresses, masters > 0, transitions, "scale-" + tag + "-" + (++count), nodes, sagas, warmup);
          runs.add(run);
          System.out.println(describe(run));
        }
      }
    }
    write(json, machine, label, String.join(" ", args), masters, runs);
    System.out.println("written to " + json);
  }

  /** One run on the servers {@code redis} (the masters of a cluster, or one server). */
  private static Run once(List<RedisAddress> redis, boolean cluster, String transitions, String namespace, int nodes,
      int sagas, int warmup) throws Exception {
    List<Child> children = new ArrayList<>();
    try {
      for (int n = 0; n < nodes; n++) {
        children.add(Child.start(redis.get(0), cluster, transitions, namespace, sagas / nodes, warmup));
      }
      for (Child child : children) {
        child.await("READY");
      }
      List<RedisInfo> before = info(redis);
      long start = System.nanoTime();
      for (Child child : children) {
        child.send("go");
      }
      for (Child child : children) {
        child.await("DONE");
      }
      long wall = (System.nanoTime() - start) / 1_000_000;
      List<RedisInfo> after = info(redis);
      double redisCpu = 0;
      long redisCommands = 0;
      for (int i = 0; i < after.size(); i++) {
        RedisInfo.Delta used = after.get(i).since(before.get(i));
        redisCpu += used.cpuSeconds();
        redisCommands += used.commands();
      }
      List<long[]> perNode = new ArrayList<>();
      for (Child child : children) {
        child.send("report");
        String[] words = child.await("REPORT").split(" ");
        perNode.add(new long[] {sagas / nodes, Long.parseLong(words[1]), Long.parseLong(words[2]), Long.parseLong(words[3])});
      }
      return new Run(nodes, sagas / nodes * nodes, wall, redisCpu * 1e6, redisCommands, perNode);
    } finally {
      for (Child child : children) {
        child.close();
      }
    }
  }

  /** Each server's counters, in the order given. */
  private static List<RedisInfo> info(List<RedisAddress> addresses) throws IOException {
    List<RedisInfo> infos = new ArrayList<>();
    for (RedisAddress address : addresses) {
      try (RedisConnection connection = RedisConnection.open(address)) {
        infos.add(RedisInfo.of(connection));
      }
    }
    return infos;
  }

  static String describe(Run run) {
    double sagas = run.sagas();
    long nodeCpu = run.perNode().stream().mapToLong(n -> n[1]).sum();
    String nodes = run.perNode().stream().map(n -> String.format(Locale.ROOT, "%d sagas, %.0f µs CPU per own saga,"
        + " %d messages (%.2f per saga of the run)", n[0], (double) n[1] / n[0], n[2], n[2] / sagas))
        .collect(Collectors.joining("; "));
    return String.format(Locale.ROOT, "%d node(s): %.0f sagas/s, nodes' CPU %.0f µs per saga, Redis CPU %.0f µs per saga,"
        + " %.2f Redis commands per step | %s", run.nodes(), sagas * 1000 / run.wallMillis(), nodeCpu / sagas,
        run.redisCpuMicros() / sagas, run.redisCommands() / (sagas * 3), nodes);
  }

  private static void write(Path json, Map<String, String> machine, String label, String command, int masters,
      List<Run> runs) throws IOException {
    ObjectNode root = MAPPER.createObjectNode();
    ObjectNode about = root.putObject("machine");
    machine.forEach(about::put);
    root.put("scenario", "node-scaling: hammer sagas started by every node, every node running every worker");
    root.put("label", label);
    root.put("redis", masters > 0 ? "a Redis Cluster of " + masters + " masters" : "one redis-server");
    root.put("command", command);
    ArrayNode list = root.putArray("runs");
    for (Run run : runs) {
      double sagas = run.sagas();
      ObjectNode node = list.addObject();
      node.put("nodes", run.nodes());
      node.put("sagas", run.sagas());
      node.put("wallMillis", run.wallMillis());
      node.put("sagasPerSecond", Math.round(sagas * 1000 / run.wallMillis()));
      node.put("nodesCpuMicrosPerSaga", Math.round(run.perNode().stream().mapToLong(n -> n[1]).sum() / sagas));
      node.put("redisCpuMicrosPerSaga", Math.round(run.redisCpuMicros() / sagas));
      node.put("redisCommandsPerStep", Math.round(run.redisCommands() / (sagas * 3) * 100) / 100.0);
      ArrayNode each = node.putArray("perNode");
      for (long[] n : run.perNode()) {
        ObjectNode one = each.addObject();
        one.put("sagasStarted", n[0]);
        one.put("cpuMicros", n[1]);
        one.put("cpuMicrosPerOwnSaga", Math.round((double) n[1] / n[0]));
        one.put("messagesReceived", n[2]);
        one.put("messagesPerSagaOfTheRun", Math.round(n[2] / sagas * 100) / 100.0);
        one.put("messageChars", n[3]);
      }
    }
    Files.createDirectories(json.toAbsolutePath().getParent());
    MAPPER.writeValue(json.toFile(), root);
  }

  /** A {@link ScalingNode} in a child JVM on this program's class path. */
  private static final class Child implements AutoCloseable {
    private final Process process;
    private final BufferedReader out;
    private final Writer in;

    private Child(Process process) {
      this.process = process;
      this.out = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
      this.in = new OutputStreamWriter(process.getOutputStream(), StandardCharsets.UTF_8);
    }

    static Child start(RedisAddress redis, boolean cluster, String transitions, String namespace, int sagas, int warmup)
        throws IOException {
      List<String> command = ChildJvm.command(List.of("-Xmx512m"), ScalingNode.class, List.of(redis.url(), namespace,
          String.valueOf(sagas), String.valueOf(warmup), "2", cluster ? "cluster" : "single", transitions));
      return new Child(new ProcessBuilder(command).redirectError(ProcessBuilder.Redirect.DISCARD).start());
    }

    void send(String line) throws IOException {
      in.write(line + "\n");
      in.flush();
    }

    /** The next line that starts with {@code word}; fails when the node ends first. */
    String await(String word) throws IOException {
      String line;
      while ((line = out.readLine()) != null) {
        if (line.startsWith(word)) {
          return line;
        }
      }
      throw new IOException("a node ended before it said " + word + " (exit " + waitExit() + ")");
    }

    private int waitExit() {
      try {
        return process.waitFor();
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return -1;
      }
    }

    @Override
    public void close() throws IOException {
      in.close();
      try {
        if (!process.waitFor(20, java.util.concurrent.TimeUnit.SECONDS)) {
          process.destroyForcibly();
        }
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        process.destroyForcibly();
      }
    }
  }
}
