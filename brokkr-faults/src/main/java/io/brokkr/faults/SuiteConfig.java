package io.brokkr.faults;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Objects;

/**
 * One run of the suite. Everything random (sagas, faults, targets, durations) is drawn from
 * {@code seed}; timing still varies from run to run, so a seed reproduces the plan, not every
 * interleaving.
 *
 * @param seed the seed
 * @param sagas how many sagas to submit at most
 * @param duration how long to submit sagas and inject faults at most
 * @param sagasPerSecond the submission rate
 * @param faults the kinds of fault to draw from; empty: no faults
 * @param maxFaults how many faults to inject at most
 * @param nodes how many node processes
 * @param leaseMs the lease of every node
 * @param persistence how redis-server persists
 * @param shortRedissonTimeouts nodes use a 300 ms Redisson timeout with 3 re-sends
 * @param hangProbability the share of sync steps whose first attempt hangs past its timeout, ignoring interrupts
 * @param quiescePatience how long to wait, after the faults, for every saga to settle
 * @param workDir where the ledger, the Redis data and the node logs go
 * @param topology how Redis is deployed; {@code faults} must apply to it ({@link Topology#kinds()})
 * @param durableReplicas 0, or (sentinel only) the replicas every transition waits for:
 *     {@code RedisOptions.withDurability(durableReplicas, 500 ms)} on every node
 * @param skewMs each node's clock is offset by an amount drawn from the seed in {@code [-skewMs, skewMs]}
 */
public record SuiteConfig(long seed, int sagas, Duration duration, double sagasPerSecond, List<FaultKind> faults,
    int maxFaults, int nodes, long leaseMs, Persistence persistence, boolean shortRedissonTimeouts,
    double hangProbability, Duration quiescePatience, Path workDir, Topology topology, int durableReplicas,
    long skewMs) {

  /** The delay between two sends of one command by a node's Redisson client. */
  public static final long RESEND_DELAY_MS = 1500;

  public SuiteConfig {
    Objects.requireNonNull(duration, "duration");
    faults = List.copyOf(faults);
    Objects.requireNonNull(persistence, "persistence");
    Objects.requireNonNull(quiescePatience, "quiescePatience");
    Objects.requireNonNull(workDir, "workDir");
    Objects.requireNonNull(topology, "topology");
    for (FaultKind kind : faults) {
      if (!topology.allows(kind)) {
        throw new IllegalArgumentException("fault " + kind + " does not apply to topology " + topology
            + "; it draws from " + topology.kinds());
      }
    }
    if (durableReplicas < 0 || (durableReplicas > 0 && topology != Topology.SENTINEL)) {
      throw new IllegalArgumentException("durable mode needs the sentinel topology and at least 1 replica, was "
          + durableReplicas + " on " + topology);
    }
    if (skewMs < 0) {
      throw new IllegalArgumentException("the clock skew must be at least 0 ms, was " + skewMs);
    }
    if (sagas < 1 || nodes < 1 || leaseMs < 500 || sagasPerSecond <= 0) {
      throw new IllegalArgumentException("need sagas >= 1, nodes >= 1, leaseMs >= 500 and a positive rate, was " + this);
    }
  }

  /** The namespace of every run: a run has its own redis-server, so one name is enough. */
  public String namespace() {
    return "faults";
  }

  /** The attempt timeout of a step that hangs: shorter than its hang, so the runtime gives up on it. */
  public long hangTimeoutMs() {
    return leaseMs;
  }

  /** The nodes' Redisson command timeout. */
  public int redissonTimeoutMs() {
    return shortRedissonTimeouts ? 300 : 3000;
  }

  /** The nodes' Redisson re-sends of a command that timed out. */
  public int redissonRetries() {
    return shortRedissonTimeouts ? 3 : 1;
  }

  /**
   * How long a node's Redisson client keeps trying one command: every send times out, with
   * {@link #RESEND_DELAY_MS} between sends. A stall shorter than this gets the command an answer.
   */
  public long redissonBudgetMs() {
    return (long) redissonTimeoutMs() * (redissonRetries() + 1) + RESEND_DELAY_MS * redissonRetries();
  }

  /** How long a durable transition waits for its replicas. */
  public Duration durabilityTimeout() {
    return Duration.ofMillis(500);
  }

  /**
   * Whether this run's mode promises that no acknowledged transition is lost: Redis fsyncs every
   * write before it answers (single, cluster), or every transition waits for a replica (sentinel).
   */
  public boolean promisesAcknowledged() {
    return topology == Topology.SENTINEL ? durableReplicas > 0 : persistence == Persistence.ALWAYS;
  }

  /** A copy with other fault kinds. */
  public SuiteConfig withFaults(List<FaultKind> kinds) {
    return new SuiteConfig(seed, sagas, duration, sagasPerSecond, kinds, maxFaults, nodes, leaseMs, persistence,
        shortRedissonTimeouts, hangProbability, quiescePatience, workDir, topology, durableReplicas, skewMs);
  }
}
