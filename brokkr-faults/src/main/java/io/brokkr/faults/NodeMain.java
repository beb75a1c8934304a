package io.brokkr.faults;

import io.brokkr.runtime.Brokkr;
import io.brokkr.dsl.RetryPolicy;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import org.redisson.Redisson;
import org.redisson.api.RedissonClient;

/**
 * A Brokkr node in its own JVM, hosting the {@link ChaosWorkers}; arguments as
 * {@link NodeSettings#toArgs()}. It prints {@code UP <node>} once its workers are registered and
 * its previous state restored, and exits when its stdin closes, so it never outlives the suite. Its
 * clock may be offset from the system clock (the suite's clock skew); its ledger keeps system time.
 */
public final class NodeMain {
  /** Retries of generated steps: enough for a planned failure or two plus a fault. */
  static final RetryPolicy RETRY = new RetryPolicy(5, Duration.ofMillis(50), 2.0, Duration.ofMillis(400));

  private NodeMain() {}

  public static void main(String[] args) throws Exception {
    NodeSettings settings = NodeSettings.fromArgs(args);
    LedgerWriter ledger = LedgerWriter.open(settings.ledgerDir(), settings.nodeId());
    RedissonClient client = Redisson.create(settings.redis().redisson(settings.timeoutMs(), settings.retryAttempts(), 16));
    ScheduledExecutorService completer = Executors.newScheduledThreadPool(2);
    Clock clock = Clock.offset(Clock.systemUTC(), Duration.ofMillis(settings.clockOffsetMs()));
    Brokkr brokkr = Brokkr.builder().namespace(settings.namespace()).nodeId(settings.nodeId()).clock(clock)
        .leaseDuration(Duration.ofMillis(settings.leaseMs())).defaultRetryPolicy(RETRY).concurrency(8)
        .redis(client, settings.storeOptions());
    new ChaosWorkers(ledger, completer).all().forEach(brokkr::registerWorker);
    ledger.append(LedgerEvent.NODE_UP, null, null, 0, null, null, "clock offset " + settings.clockOffsetMs() + " ms");
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
