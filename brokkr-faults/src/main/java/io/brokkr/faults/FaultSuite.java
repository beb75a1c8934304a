package io.brokkr.faults;

import io.brokkr.runtime.Brokkr;
import io.brokkr.runtime.SagaStatus;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.redisson.Redisson;
import org.redisson.api.RedissonClient;

/**
 * The engine of the suite: starts Redis in the configured topology, the proxies and the nodes;
 * submits random sagas while it injects faults one at a time; heals everything, waits for the sagas
 * to settle, and checks the ledger and the stored sagas.
 */
public final class FaultSuite {
  private final SuiteConfig config;

  public FaultSuite(SuiteConfig config) {
    this.config = config;
  }

  /** Runs the suite and returns what it did and found. */
  public Report run() throws IOException, InterruptedException {
    long began = System.currentTimeMillis();
    Path ledgerDir = Files.createDirectories(config.workDir().resolve("ledger"));
    System.out.println("work folder " + config.workDir());
    SuiteLog.toFile(config.workDir().resolve("suite.log"));
    try (Cluster cluster = Cluster.start(config, config.workDir(), ledgerDir);
        LedgerWriter ledger = LedgerWriter.open(ledgerDir, "suite")) {
      RedissonClient client = Redisson.create(cluster.redis.address().redisson(5000, 1, 8));
      Brokkr brokkr = Brokkr.builder().namespace(config.namespace()).nodeId("suite").leaseDuration(
          java.time.Duration.ofMillis(config.leaseMs())).redis(client,
          NodeSettings.storeOptions(config.durableReplicas(), config.durabilityTimeout().toMillis()));
      try {
        Submitter submitter = new Submitter(brokkr, ledger);
        FaultInjector injector = new FaultInjector(cluster, ledger, new Random(config.seed() * 31 + 7), config.faults(),
            config.leaseMs());
        Thread submitting = new Thread(() -> submitAll(submitter), "submitter");
        submitting.start();
        injectWhile(submitting, injector);
        submitting.join();
        cluster.healAll();
        List<String> started = submitter.started();
        System.out.println("faults over; " + started.size() + " sagas started; waiting for them to settle");
        Map<String, SagaSnapshot> stored = quiesce(brokkr, started);
        List<LedgerEvent> events = Ledger.read(ledgerDir);
        List<Violation> found = new Checker(events, config.leaseMs(), config.hangTimeoutMs(), config.redissonBudgetMs(),
            config.skewMs()).check(started, stored);
        // Where the mode does not promise to keep acknowledged writes, their loss is information.
        Map<Boolean, List<Violation>> unpromised = found.stream()
            .collect(Collectors.partitioningBy(v -> v.rule().isLoss() && !config.promisesAcknowledged()));
        Map<SagaStatus, Long> statuses = stored.values().stream()
            .collect(Collectors.groupingBy(SagaSnapshot::status, LinkedHashMap::new, Collectors.counting()));
        return new Report(config.seed(), started.size(), Measures.abandoned(events), statuses, injector.counts(),
            unpromised.get(false), Measures.worstRecoveryMs(events), Measures.worstSagaMs(events),
            (System.currentTimeMillis() - began) / 1000, mode(), unpromised.get(true));
      } finally {
        brokkr.close();
        client.shutdown();
      }
    }
  }

  private String mode() {
    return "topology " + config.topology() + ", persistence " + config.persistence()
        + (config.durableReplicas() > 0 ? ", durable " + config.durableReplicas() : "")
        + (config.skewMs() > 0 ? ", clock skew up to " + config.skewMs() + " ms" : "")
        + (config.promisesAcknowledged() ? ", acknowledged writes promised" : ", acknowledged writes not promised");
  }

  /** Submits the sagas at the configured rate, until their number or the duration is reached. */
  private void submitAll(Submitter submitter) {
    Random random = new Random(config.seed());
    long deadline = System.currentTimeMillis() + config.duration().toMillis();
    long gap = (long) (1000 / config.sagasPerSecond());
    for (int i = 0; i < config.sagas() && System.currentTimeMillis() < deadline; i++) {
      submitter.submit(SagaPlan.random(random, config));
      Pause.millis(gap);
    }
  }

  /** Injects faults, with gaps drawn from the seed, while sagas are being submitted. */
  private void injectWhile(Thread submitting, FaultInjector injector) throws IOException {
    if (config.faults().isEmpty()) {
      return;
    }
    Random gaps = new Random(config.seed() * 17 + 3);
    for (int n = 0; n < config.maxFaults() && submitting.isAlive(); n++) {
      Pause.millis(500 + gaps.nextInt((int) config.leaseMs() * 2));
      if (!submitting.isAlive()) {
        return;
      }
      injector.injectOne();
    }
  }

  /** Waits until every started saga settled, or the patience ran out; returns what the store holds. */
  private Map<String, SagaSnapshot> quiesce(Brokkr brokkr, List<String> started) {
    long deadline = System.currentTimeMillis() + config.quiescePatience().toMillis();
    Map<String, SagaSnapshot> stored = Map.of();
    while (true) {
      stored = started.stream().map(id -> SagaSnapshot.read(brokkr, id)).flatMap(Optional::stream)
          .collect(Collectors.toMap(SagaSnapshot::id, Function.identity()));
      long open = stored.values().stream().filter(s -> !s.status().isSettled()).count();
      if (open == 0 || System.currentTimeMillis() > deadline) {
        if (open > 0) {
          System.out.println(open + " sagas still open after " + config.quiescePatience());
        }
        return stored;
      }
      Pause.millis(1000);
    }
  }
}
