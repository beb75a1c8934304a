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
 * Per run: sagas/s, Redis CPU and commands; per node: its CPU per saga (and how much of it its JVM's
 * JIT compilers and garbage collector used) and the pub/sub messages it received. A node should not
 * pay for the events of work it does not run: the total CPU per saga should stay flat as nodes are
 * added.
 *
 * <pre>
 * mvn -q -pl brokkr-bench -am test-compile exec:java -Dexec.mainClass=io.brokkr.bench.NodeScaling \
 *     -Dexec.args="--nodes 1,2,4 --sagas 4000 --rounds 2 [--cluster 3]"
 * </pre>
 */
public final class NodeScaling {
  private static final ObjectMapper MAPPER = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

  private NodeScaling() {}

  /** One run: how many nodes, and what each reported. */
  record Run(int nodes, int sagas, long wallMillis, double redisCpuMicros, long redisCommands, List<NodeReport> perNode) {
    long nodesCpuMicros() {
      return perNode.stream().mapToLong(NodeReport::cpuMicros).sum();
    }

    long nodesProgramCpuMicros() {
      return perNode.stream().mapToLong(NodeReport::programCpuMicros).sum();
    }
  }

  /**
   * What a node reported: the sagas it started, the rounds it warmed up for, its CPU (of which its JIT
   * compilers' and garbage collector's), and the pub/sub messages it received and their characters.
   */
  record NodeReport(int sagas, int warmUpRounds, long cpuMicros, long compilerMicros, long collectorMicros,
      long messages, long chars) {
    /** The CPU of its own threads and its libraries': what the node's work cost apart from its JVM's. */
    long programCpuMicros() {
      return cpuMicros - compilerMicros - collectorMicros;
    }
  }

  /**
   * Runs the scenario and writes its JSON.
   *
   * @param args {@code --nodes LIST} (default 1,2,4), {@code --sagas N} (4000), {@code --rounds N} (2),
   *     {@code --warmup N} sagas per warm-up round of each node (1500; a node runs rounds until its JIT
   *     compilers are nearly idle), {@code --cluster MASTERS} (0: one redis-server),
   *     {@code --redis-transitions direct|pool} (direct: the backend's own connections), {@code --apart true}
   *     (each node in a namespace of its own: as many JVMs on the same cores and Redis, nothing shared; what
   *     the nodes of one namespace pay beyond it is the cost of working together), {@code --creators N}
   *     (only the first N nodes start sagas, the others only run steps: a burst on a few nodes; default every
   *     node), {@code --json FILE},
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
    String apartFlag = given.getOrDefault("apart", "false");
    if (!apartFlag.equals("true") && !apartFlag.equals("false")) {
      throw new IllegalArgumentException("--apart takes true or false, was \"" + apartFlag + "\"");
    }
    boolean apart = apartFlag.equals("true");
    int creators = Integer.parseInt(given.getOrDefault("creators", "0"));
    if (creators < 0 || (apart && creators > 0)) {
      throw new IllegalArgumentException("--creators takes a number of nodes, and not with --apart; was \"" + creators + "\"");
    }
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
          Run run = once(addresses, masters > 0, transitions, "scale-" + tag + "-" + (++count), nodes, sagas, warmup,
              apart, creators == 0 ? nodes : Math.min(creators, nodes));
          runs.add(run);
          System.out.println(describe(run));
        }
      }
    }
    write(json, machine, label, String.join(" ", args), masters, apart, creators, runs);
    System.out.println("written to " + json);
  }

  /**
   * One run on the servers {@code redis} (the masters of a cluster, or one server), the sagas started by the
   * first {@code creators} nodes.
   */
  private static Run once(List<RedisAddress> redis, boolean cluster, String transitions, String namespace, int nodes,
      int sagas, int warmup, boolean apart, int creators) throws Exception {
    List<Child> children = new ArrayList<>();
    int share = sagas / creators;
    try {
      for (int n = 0; n < nodes; n++) {
        children.add(Child.start(redis.get(0), cluster, transitions, apart ? namespace + "-" + n : namespace,
            n < creators ? share : 0, warmup));
      }
      List<Integer> warmUpRounds = new ArrayList<>();
      for (Child child : children) {
        warmUpRounds.add(Integer.parseInt(child.await("WARMED").split(" ")[1]));
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
      List<NodeReport> perNode = new ArrayList<>();
      for (int n = 0; n < nodes; n++) {
        Child child = children.get(n);
        child.send("report");
        String[] words = child.await("REPORT").split(" ");
        perNode.add(new NodeReport(n < creators ? share : 0, warmUpRounds.get(n), Long.parseLong(words[1]),
            Long.parseLong(words[4]), Long.parseLong(words[5]), Long.parseLong(words[2]), Long.parseLong(words[3])));
      }
      return new Run(nodes, share * creators, wall, redisCpu * 1e6, redisCommands, perNode);
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
    // A node that started no saga (--creators): its CPU per saga of the run.
    String nodes = run.perNode().stream().map(n -> String.format(Locale.ROOT, "%d sagas after %d warm-up rounds,"
        + " %.0f µs CPU per %s saga (program %.0f, JIT %.0f, GC %.0f), %d messages (%.2f per saga of the run)",
        n.sagas(), n.warmUpRounds(), (double) n.cpuMicros() / ownOrAll(n, sagas), n.sagas() > 0 ? "own" : "run's",
        (double) n.programCpuMicros() / ownOrAll(n, sagas), (double) n.compilerMicros() / ownOrAll(n, sagas),
        (double) n.collectorMicros() / ownOrAll(n, sagas), n.messages(), n.messages() / sagas))
        .collect(Collectors.joining("; "));
    return String.format(Locale.ROOT, "%d node(s): %.0f sagas/s, nodes' CPU %.0f µs per saga (program %.0f),"
        + " Redis CPU %.0f µs per saga, %.2f Redis commands per step | %s", run.nodes(), sagas * 1000 / run.wallMillis(),
        run.nodesCpuMicros() / sagas, run.nodesProgramCpuMicros() / sagas, run.redisCpuMicros() / sagas,
        run.redisCommands() / (sagas * 3), nodes);
  }

  /** The sagas a node's figures are per: its own, or the run's for a node that started none. */
  private static double ownOrAll(NodeReport node, double runSagas) {
    return node.sagas() > 0 ? node.sagas() : runSagas;
  }

  private static void write(Path json, Map<String, String> machine, String label, String command, int masters,
      boolean apart, int creators, List<Run> runs) throws IOException {
    ObjectNode root = MAPPER.createObjectNode();
    ObjectNode about = root.putObject("machine");
    machine.forEach(about::put);
    root.put("scenario", "node-scaling: hammer sagas started by " + (creators == 0 ? "every node" : "the first " + creators
        + " node(s)") + ", every node running every worker");
    root.put("label", label);
    root.put("redis", masters > 0 ? "a Redis Cluster of " + masters + " masters" : "one redis-server");
    root.put("namespaces", apart ? "one a node (--apart): the nodes share the cores and Redis, not their sagas"
        : "one for all the nodes");
    root.put("command", command);
    ArrayNode list = root.putArray("runs");
    for (Run run : runs) {
      double sagas = run.sagas();
      ObjectNode node = list.addObject();
      node.put("nodes", run.nodes());
      node.put("sagas", run.sagas());
      node.put("wallMillis", run.wallMillis());
      node.put("sagasPerSecond", Math.round(sagas * 1000 / run.wallMillis()));
      node.put("nodesCpuMicrosPerSaga", Math.round(run.nodesCpuMicros() / sagas));
      node.put("nodesProgramCpuMicrosPerSaga", Math.round(run.nodesProgramCpuMicros() / sagas));
      node.put("redisCpuMicrosPerSaga", Math.round(run.redisCpuMicros() / sagas));
      node.put("redisCommandsPerStep", Math.round(run.redisCommands() / (sagas * 3) * 100) / 100.0);
      ArrayNode each = node.putArray("perNode");
      for (NodeReport n : run.perNode()) {
        ObjectNode one = each.addObject();
        one.put("sagasStarted", n.sagas());
        one.put("warmUpRounds", n.warmUpRounds());
        one.put("cpuMicros", n.cpuMicros());
        one.put("cpuMicrosPerOwnSaga", Math.round((double) n.cpuMicros() / ownOrAll(n, sagas)));
        one.put("compilerCpuMicros", n.compilerMicros());
        one.put("collectorCpuMicros", n.collectorMicros());
        one.put("programCpuMicrosPerOwnSaga", Math.round((double) n.programCpuMicros() / ownOrAll(n, sagas)));
        one.put("messagesReceived", n.messages());
        one.put("messagesPerSagaOfTheRun", Math.round(n.messages() / sagas * 100) / 100.0);
        one.put("messageChars", n.chars());
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
