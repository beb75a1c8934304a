// What batching several transitions into one FCALL could save the client and Redis (twenty-first round,
// 2026-12-05-2-cores-round21.txt section 3): a function that does nothing, called with one
// finish's 8 keys and 18 arguments, and with those of 2, 4 and 8 finishes in one call, through the runtime's
// FunctionCalls (Redisson's command executor), with IN_FLIGHT finishes at once (IN_FLIGHT / k threads calling in
// a loop; 1 by default). Per finish: the process's CPU, the wall time, Redis's CPU (INFO cpu) and its time inside
// the calls (INFO commandstats). It sits in the runtime's package to
// reach FunctionCalls. From the repository's root, after `mvn -B -o -q install -DskipTests -pl brokkr-bench -am`,
// with a redis-server on PORT:
//   mvn -B -o -q dependency:build-classpath -pl brokkr-bench -Dmdep.outputFile=/tmp/cp.txt -Dmdep.includeScope=test
//   javac -d /tmp/probe -cp brokkr-runtime/target/classes:$(cat /tmp/cp.txt) bench/results/2026-12-05-round21-batch-probe.java
//   java -cp /tmp/probe:brokkr-runtime/target/classes:$(cat /tmp/cp.txt) io.brokkr.runtime.internal.redis.BatchProbe redis://127.0.0.1:PORT [IN_FLIGHT] [direct]
// (direct, since the twenty-second round: the calls on the backend's own connection, DirectFunctionCalls.)
package io.brokkr.runtime.internal.redis;

import java.lang.management.ManagementFactory;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.redisson.Redisson;
import org.redisson.api.RedissonClient;
import org.redisson.api.redisnode.RedisNode;
import org.redisson.api.redisnode.RedisNodes;
import org.redisson.api.redisnode.RedisSingle;
import org.redisson.client.codec.StringCodec;
import org.redisson.config.Config;

/** Client and Redis CPU per finish when k finishes' keys and arguments go in one FCALL of a no-op function. */
final class BatchProbe {
  public static void main(String[] a) throws Exception {
    Config config = new Config();
    config.useSingleServer().setAddress(a[0]).setConnectionMinimumIdleSize(2).setConnectionPoolSize(2);
    RedissonClient client = Redisson.create(config);
    client.getFunction(StringCodec.INSTANCE).loadAndReplace("probe",
        "redis.register_function('noop', function(keys, args) return {1, 'x'} end)");
    FunctionCalls calls = FunctionCalls.of(client, a.length > 2 && a[2].equals("direct"));
    RedisSingle redis = client.getRedisNodes(RedisNodes.SINGLE);
    var os = (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
        int finishes = 64_000;
    int inFlight = a.length > 1 ? Integer.parseInt(a[1]) : 1;
    for (int round = 0; round < 4; round++) {
      for (int k : new int[] {1, 2, 4, 8}) {
        List<Object> keys = new ArrayList<>();
        List<Object> args = new ArrayList<>();
        for (int f = 0; f < k; f++) {
          String saga = "51954172-5f37-4f7f-beb9-426e533e54" + (10 + f);
          keys.addAll(List.of("{b:5}:saga:" + saga, "{b:5}:ready", "{b:5}:timers", "{b:5}:active", "{b:5}:seq",
              "{b:5}:ix", "{b:5}:h:" + saga, "{b:5}:rq:91e33d65b53856bb346b7720da25729a:" + f));
          args.addAll(List.of(saga, "{b:events}:n:da55a91ad8f527a0", 604800000L, "head", 2L, "1",
              "\"head:thunder-1\"", "5b3c577f-bdf2-4256-b006-6712d0e771df", 1796440506846L, 30000L, 1, "", "", "",
              "", "bench.head", "bench.handle", "bench.hammer"));
        }
        Object[] argv = args.toArray();
        int n = finishes / k;
        double redis0 = redisCpu(redis);
        double fcall0 = fcallMicros(redis);
        long cpu0 = os.getProcessCpuTime();
        long w0 = System.nanoTime();
        // inFlight finishes at once: inFlight / k threads, each calling in a loop
        int callers = Math.max(1, inFlight / k);
        Thread[] running = new Thread[callers];
        for (int c = 0; c < callers; c++) {
          running[c] = new Thread(() -> {
            for (int i = 0; i < n / callers; i++) {
              calls.call("noop", keys, argv);
            }
          });
          running[c].start();
        }
        for (Thread r : running) {
          r.join();
        }
        long wall = System.nanoTime() - w0;
        long cpu = os.getProcessCpuTime() - cpu0;
        double redisMicros = (redisCpu(redis) - redis0) * 1e6;
        if (round > 0) {
          System.out.printf("in flight %d, k=%d  per finish: process %.1f µs, wall %.1f µs, Redis CPU %.1f µs, "
              + "inside FCALL %.1f µs%n", inFlight, k, cpu / 1e3 / finishes, wall / 1e3 / finishes,
              redisMicros / finishes, (fcallMicros(redis) - fcall0) / finishes);
        }
      }
    }
    client.shutdown();
  }

  private static double redisCpu(RedisSingle redis) {
    Map<String, String> cpu = redis.getInstance().info(RedisNode.InfoSection.CPU);
    return Double.parseDouble(cpu.get("used_cpu_user")) + Double.parseDouble(cpu.get("used_cpu_sys"));
  }

  /** The FCALLs' time inside Redis so far, in µs ({@code INFO commandstats}). */
  private static double fcallMicros(RedisSingle redis) {
    String fcall = redis.getInstance().info(RedisNode.InfoSection.COMMANDSTATS).getOrDefault("cmdstat_fcall", "");
    Matcher m = Pattern.compile("usec=(\\d+)").matcher(fcall);
    return m.find() ? Double.parseDouble(m.group(1)) : 0;
  }
}
