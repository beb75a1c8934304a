// The client's CPU a call of a function that does nothing, with a finish's 8 keys and 18 arguments, made through
// Redisson's RFunction and through the runtime's FunctionCalls (seventeenth round, 2026-12-05-2-cores-round17.txt).
// It sits in the runtime's package, to reach FunctionCalls and ScriptCodec. From the repository's root, after
// `mvn -B -o -q install -DskipTests -pl brokkr-bench -am` and with a redis-server on PORT:
//   mvn -B -o -q dependency:build-classpath -pl brokkr-bench -Dmdep.outputFile=/tmp/cp.txt -Dmdep.includeScope=test
//   mkdir -p /tmp/probe && cp bench/results/2026-12-05-round17-call-probe.java /tmp/probe/CallProbe.java
//   javac -d /tmp/probe -cp brokkr-runtime/target/classes:$(cat /tmp/cp.txt) /tmp/probe/CallProbe.java
//   java -cp /tmp/probe:brokkr-runtime/target/classes:$(cat /tmp/cp.txt) io.brokkr.runtime.internal.redis.CallProbe redis://127.0.0.1:PORT
package io.brokkr.runtime.internal.redis;

import java.lang.management.ManagementFactory;
import java.util.List;
import org.redisson.Redisson;
import org.redisson.api.FunctionMode;
import org.redisson.api.FunctionResult;
import org.redisson.api.RedissonClient;
import org.redisson.client.codec.StringCodec;
import org.redisson.config.Config;

/** Client CPU per FCALL of a function that does nothing, with a finish's 8 keys and 18 arguments: RFunction against FunctionCalls. */
public final class CallProbe {
  /** A finish's 8 keys and 18 arguments, as a hammer saga's finish sends them (the forty-sixth round's probe too). */
  static final List<Object> KEYS = List.of("{b:5}:saga:51954172-5f37-4f7f-beb9-426e533e5413", "{b:5}:ready",
      "{b:5}:timers", "{b:5}:active", "{b:5}:seq", "{b:5}:ix", "{b:5}:h:51954172-5f37-4f7f-beb9-426e533e5413",
      "{b:5}:rq:91e33d65b53856bb346b7720da25729a");
  static final Object[] ARGS = {"51954172-5f37-4f7f-beb9-426e533e5413", "{b:events}:n:da55a91ad8f527a0", 604800000L,
      "head", 2L, "1", "\"head:thunder-1\"", "5b3c577f-bdf2-4256-b006-6712d0e771df", 1796440506846L, 30000L, 1, "", "",
      "", "", "bench.head", "bench.handle", "bench.hammer"};

  /** A client of the redis-server at {@code address} with the library 'probe': a function 'noop' that does nothing. */
  static RedissonClient client(String address) {
    Config config = new Config();
    config.useSingleServer().setAddress(address).setConnectionMinimumIdleSize(2).setConnectionPoolSize(2);
    RedissonClient client = Redisson.create(config);
    client.getFunction(StringCodec.INSTANCE).loadAndReplace("probe", "redis.register_function('noop', function(keys, args) return {1, 'x'} end)");
    return client;
  }

  public static void main(String[] a) {
    RedissonClient client = client(a[0]);
    List<Object> keys = KEYS;
    Object[] args = ARGS;
    FunctionCalls direct = FunctionCalls.of(client); // new FunctionCalls(client) before ab7b1cf
    var os = (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
    var threads = ManagementFactory.getThreadMXBean();
    int n = 100_000;
    for (int round = 0; round < 6; round++) {
      for (String way : List.of("rfunction", "direct")) {
        long cpu0 = os.getProcessCpuTime(), t0 = threads.getCurrentThreadCpuTime();
        for (int i = 0; i < n; i++) {
          if (way.equals("direct")) {
            direct.call("noop", keys, args);
          } else {
            client.getFunction(ScriptCodec.INSTANCE).call(FunctionMode.WRITE, "noop", FunctionResult.LIST, keys, args);
          }
        }
        long cpu = os.getProcessCpuTime() - cpu0, t = threads.getCurrentThreadCpuTime() - t0;
        if (round > 0) {
          System.out.printf("%-9s process %.2f us a call, calling thread %.2f us%n", way, cpu / 1e3 / n, t / 1e3 / n);
        }
      }
    }
    client.shutdown();
  }
}
