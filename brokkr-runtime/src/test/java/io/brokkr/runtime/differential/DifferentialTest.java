package io.brokkr.runtime.differential;

import static org.junit.jupiter.api.Assertions.fail;

import io.brokkr.runtime.redis.testing.RedisExtension;
import io.brokkr.runtime.redis.testing.Redissons;
import java.io.IOException;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.stream.LongStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.redisson.api.RedissonClient;
import org.redisson.client.RedisTimeoutException;

/**
 * The rules of the SPI are written twice, in Java (in-memory store) and in Lua (Redis store); this
 * test keeps them one. Seeded random sequences of SPI calls run on both stores, and after every call
 * the replies, the events and the stored sagas must be equal (see {@link Runner}). A difference is
 * shrunk to a minimal sequence and printed as code.
 *
 * <p>Short: {@code mvn -pl brokkr-runtime -am test -Dtest=DifferentialTest
 * -Dsurefire.failIfNoSpecifiedTests=false} runs the fixed seeds and one random seed.
 * One seed: add {@code -Dbrokkr.differential.seed=<seed>}. Long: add
 * {@code -Dbrokkr.differential.minutes=30} to run random seeds for that long.
 */
class DifferentialTest {
  @RegisterExtension
  static final RedisExtension REDIS = RedisExtension.server();

  /** Calls per sequence: long enough for sagas to start, retry, compensate and settle. */
  private static final int LENGTH = 120;
  /** Sized for about 30-60 s on two cores. */
  private static final int FIXED_SEEDS = 120;
  private static final int SEQUENCES_PER_CLIENT = 500;

  @Test
  void storesAgreeCallByCall() {
    List<Long> seeds = new ArrayList<>();
    Optional<Long> one = Optional.ofNullable(System.getProperty("brokkr.differential.seed")).map(Long::parseLong);
    if (one.isPresent()) {
      seeds.add(one.get());
    } else {
      LongStream.rangeClosed(1, FIXED_SEEDS).forEach(seeds::add);
      long random = new SecureRandom().nextLong();
      seeds.add(random);
      System.out.println("differential: fixed seeds 1.." + FIXED_SEEDS + " and random seed " + random);
    }
    check(seeds.iterator(), Long.MAX_VALUE);
  }

  /**
   * Runs random seeds for the given minutes, on a new Redisson client every {@link #SEQUENCES_PER_CLIENT}
   * sequences. Each sequence opens and closes four store views, each subscribing to the events channel
   * of a new namespace: tens of thousands of subscriptions, which a node never makes (it opens its
   * views once). On this loaded 2-core machine, Redisson now and then never completes one of them and
   * keeps its subscription lock ("Unable to acquire subscription lock", after 15 to 28 minutes, on a
   * fresh client too, with no channel left subscribed): such a sequence is not a difference of the
   * stores; it is counted, and the run goes on with a new client.
   */
  @Test
  @EnabledIfSystemProperty(named = "brokkr.differential.minutes", matches = "\\d+")
  void storesAgreeForMinutes() throws IOException {
    long minutes = Long.parseLong(System.getProperty("brokkr.differential.minutes"));
    long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(minutes);
    SecureRandom random = new SecureRandom();
    long sequences = 0;
    long calls = 0;
    int clientTimeouts = 0;
    while (System.nanoTime() < deadline) {
      RedissonClient client = Redissons.of(REDIS.redisServer());
      Campaign campaign = new Campaign(new Runner(client), LENGTH);
      try {
        Optional<String> difference =
            campaign.run(LongStream.generate(random::nextLong).limit(SEQUENCES_PER_CLIENT).iterator(), deadline);
        difference.ifPresent(report -> fail(report));
        // Every view is closed here: a channel still subscribed is a subscription that leaked.
        String channels = REDIS.redisServer().command("PUBSUB CHANNELS").lines().findFirst().orElse("*?");
        System.out.println("differential: " + (sequences + campaign.sequences()) + " sequences, "
            + (calls + campaign.callsRun()) + " calls on each store; " + channels.substring(1)
            + " channels still subscribed by this client");
      } catch (RedisTimeoutException e) {
        if (!String.valueOf(e.getMessage()).contains("subscription")) {
          throw e;
        }
        clientTimeouts++;
        System.out.println("differential: a subscription of the Redis views never completed (" + e.getMessage()
            + "); going on with a new client");
      } finally {
        sequences += campaign.sequences();
        calls += campaign.callsRun();
        client.shutdown();
      }
    }
    System.out.println("differential: done, " + sequences + " sequences, " + calls + " calls on each store, no"
        + " difference; " + clientTimeouts + " sequences cut short by a Redisson subscription timeout");
  }

  private static void check(Iterator<Long> seeds, long deadline) {
    Campaign campaign = new Campaign(new Runner(REDIS.client()), LENGTH);
    Optional<String> difference = campaign.run(seeds, deadline);
    System.out.println("differential: " + campaign.summary());
    difference.ifPresent(report -> fail(report));
  }
}
