// Forty-sixth round: what sending a decided transition's texts would cost, on the transitions' own connection
// (DirectFunctionCalls): a function that does nothing, called with a finish's 8 keys and 18 arguments as today
// (the seventeenth round's CallProbe's), then with the texts a finish decided in the node would add (a step's
// state, its history entries, the event message: about 950 bytes in 6 texts and their field names, 12 arguments;
// the decide probe makes them), then with ten times those texts (a slope a text above the calls' spread). The
// client's CPU a call (process and calling thread) and Redis's (INFO's used_cpu_sys + used_cpu_user).
// It sits in the runtime's package, to reach FunctionCalls. From the repository's root, with a redis-server on PORT:
//   mvn -B -o -q dependency:build-classpath -pl brokkr-bench -Dmdep.outputFile=/tmp/cp.txt -Dmdep.includeScope=test
//   mkdir -p /tmp/probe && cp bench/results/2026-12-05-round17-call-probe.java /tmp/probe/CallProbe.java
//   cp bench/results/2026-12-07-round46-send-probe.java /tmp/probe/SendProbe.java
//   javac -d /tmp/probe -cp brokkr-runtime/target/classes:$(cat /tmp/cp.txt) /tmp/probe/CallProbe.java /tmp/probe/SendProbe.java
//   java -cp /tmp/probe:brokkr-runtime/target/classes:$(cat /tmp/cp.txt) io.brokkr.runtime.internal.redis.SendProbe redis://127.0.0.1:PORT
package io.brokkr.runtime.internal.redis;

import java.lang.management.ManagementFactory;
import java.util.ArrayList;
import java.util.List;
import org.redisson.Redisson;
import org.redisson.api.RedissonClient;

/** Client and Redis CPU per FCALL of a no-op function: a finish's arguments, and the same with a decided finish's texts. */
public final class SendProbe {
  public static void main(String[] a) {
    RedissonClient client = CallProbe.client(a[0]);
    List<Object> keys = CallProbe.KEYS;
    Object[] today = CallProbe.ARGS;
    List<Object> decided = new ArrayList<>(List.of(today));
    decided.addAll(List.of("v", 7L,
        "s:head", "{\"id\":\"head\",\"w\":\"bench.head\",\"st\":\"FINISHED\",\"a\":1,\"r\":[\"1\",\"100\",\"2.0\",\"1000\"],\"dn\":[\"hammer\"],\"t\":2}",
        "h1", "{\"y\":\"T\",\"s\":\"head\",\"f\":\"RUNNING\",\"o\":\"FINISHED\",\"a\":1,\"n\":\"5b3c577f-bdf2-4256-b006-6712d0e771df\",\"k\":2,\"t\":",
        "h2", "{\"y\":\"T\",\"s\":\"hammer\",\"f\":\"CREATED\",\"o\":\"QUEUED\",\"t\":",
        "s:hammer", "{\"id\":\"hammer\",\"w\":\"bench.hammer\",\"st\":\"QUEUED\",\"a\":0,\"r\":[\"1\",\"100\",\"2.0\",\"1000\"],\"d\":[\"head\",\"handle\"],\"q\":\"",
        "m", "{\"s\":\"51954172-5f37-4f7f-beb9-426e533e5413\",\"q\":4,\"e\":[[\"T\",\"head\",\"bench.head\",\"RUNNING\",\"FINISHED\"],[\"T\",\"hammer\",\"bench.hammer\",\"CREATED\",\"QUEUED\"],[\"R\",\"hammer\",\"bench.hammer\",\""));
    // Ten times the texts, for a slope a text above the calls' spread.
    List<Object> tenfold = new ArrayList<>(List.of(today));
    for (int i = 0; i < 10; i++) {
      tenfold.addAll(decided.subList(today.length, decided.size()));
    }
    FunctionCalls direct = DirectFunctionCalls.of((Redisson) client, FunctionCalls.of(client)).orElseThrow();
    var os = (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
    var threads = ManagementFactory.getThreadMXBean();
    int n = 100_000;
    for (int round = 0; round < 6; round++) {
      for (String way : List.of("today", "decided", "tenfold")) {
        Object[] args = way.equals("today") ? today : way.equals("decided") ? decided.toArray() : tenfold.toArray();
        double redis0 = redisCpu(client);
        long cpu0 = os.getProcessCpuTime(), t0 = threads.getCurrentThreadCpuTime();
        for (int i = 0; i < n; i++) {
          direct.call("noop", keys, args);
        }
        long cpu = os.getProcessCpuTime() - cpu0, t = threads.getCurrentThreadCpuTime() - t0;
        double redis = redisCpu(client) - redis0;
        if (round > 0) {
          System.out.printf("%-8s %2d args: process %.2f us a call, calling thread %.2f us, Redis %.2f us%n",
              way, args.length, cpu / 1e3 / n, t / 1e3 / n, redis * 1e6 / n);
        }
      }
    }
    client.shutdown();
  }

  /** Redis's CPU seconds so far (system and user). */
  static double redisCpu(RedissonClient client) {
    String info = client.getRedisNodes(org.redisson.api.redisnode.RedisNodes.SINGLE).getInstance().info(
        org.redisson.api.redisnode.RedisNode.InfoSection.CPU).toString();
    double sys = Double.parseDouble(info.replaceAll(".*used_cpu_sys=([0-9.]+).*", "$1"));
    double user = Double.parseDouble(info.replaceAll(".*used_cpu_user=([0-9.]+).*", "$1"));
    return sys + user;
  }
}
