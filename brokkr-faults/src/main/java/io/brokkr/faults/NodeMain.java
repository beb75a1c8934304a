package io.brokkr.faults;

import io.brokkr.runtime.Brokkr;
import io.brokkr.dsl.RetryPolicy;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import org.redisson.Redisson;
import org.redisson.api.RedissonClient;
import org.redisson.config.Config;
import org.redisson.config.ConstantDelay;

/**
 * A Brokkr node in its own JVM, hosting the {@link ChaosWorkers}; arguments as
 * {@link NodeSettings#toArgs()}. It prints {@code UP <node>} once its workers are registered and
 * its previous state restored, and exits when its stdin closes, so it never outlives the suite.
 */
public final class NodeMain {
  /** Retries of generated steps: enough for a planned failure or two plus a fault. */
  static final RetryPolicy RETRY = new RetryPolicy(5, Duration.ofMillis(50), 2.0, Duration.ofMillis(400));

  private NodeMain() {}

  public static void main(String[] args) throws Exception {
    NodeSettings settings = NodeSettings.fromArgs(args);
    LedgerWriter ledger = LedgerWriter.open(settings.ledgerDir(), settings.nodeId());
    Config config = new Config();
    config.useSingleServer().setAddress(settings.redisUri()).setConnectionMinimumIdleSize(2).setConnectionPoolSize(16)
        .setSubscriptionConnectionMinimumIdleSize(1).setTimeout(settings.timeoutMs())
        .setRetryAttempts(settings.retryAttempts())
        // A fixed delay between re-sends, so that the suite knows how long a command is tried (SuiteConfig).
        .setRetryDelay(new ConstantDelay(Duration.ofMillis(SuiteConfig.RESEND_DELAY_MS))).setConnectTimeout(2000).setPingConnectionInterval(1000);
    RedissonClient client = Redisson.create(config);
    ScheduledExecutorService completer = Executors.newScheduledThreadPool(2);
    Brokkr brokkr = Brokkr.builder().namespace(settings.namespace()).nodeId(settings.nodeId())
        .leaseDuration(Duration.ofMillis(settings.leaseMs())).defaultRetryPolicy(RETRY).concurrency(8).redis(client);
    new ChaosWorkers(ledger, completer).all().forEach(brokkr::registerWorker);
    ledger.append(LedgerEvent.NODE_UP, null, null, 0, null, null, null);
    int restored = restore(brokkr);
    System.out.println("UP " + settings.nodeId() + " restored " + restored);
    System.out.flush();
    BufferedReader in = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
    while (in.readLine() != null) {
      // Commands are not needed: the suite acts on this process by signals and through its proxy.
    }
    ledger.append(LedgerEvent.NODE_DOWN, null, null, 0, null, null, "stdin closed");
    brokkr.close();
    completer.shutdownNow();
    client.shutdown();
    System.exit(0);
  }

  /** Restores, retrying while Redis is unreachable (the node may start during a Redis fault). */
  private static int restore(Brokkr brokkr) {
    for (int tries = 0; ; tries++) {
      try {
        return brokkr.restorePreviousState();
      } catch (RuntimeException e) {
        if (tries >= 20) {
          System.err.println("restorePreviousState failed for good: " + e);
          return -1;
        }
        Pause.millis(500);
      }
    }
  }
}
