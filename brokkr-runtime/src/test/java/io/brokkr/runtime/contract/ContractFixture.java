package io.brokkr.runtime.contract;

import static org.junit.jupiter.api.Assertions.fail;

import io.brokkr.dsl.RetryPolicy;
import io.brokkr.runtime.Brokkr;
import io.brokkr.runtime.BrokkrBuilder;
import io.brokkr.runtime.Saga;
import io.brokkr.runtime.SagaOutcome;
import io.brokkr.runtime.spi.SagaStore;
import io.brokkr.runtime.spi.StoreBackend;
import io.brokkr.runtime.testing.Eventually;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.BooleanSupplier;
import java.util.function.UnaryOperator;

/** What every contract test gets: nodes on the backend under test, and ways to wait without sleeping. */
public interface ContractFixture {
  /** How long a test waits for anything before it fails; never reached when the store works. */
  Duration PATIENCE = Duration.ofSeconds(20);
  /** Retries that keep tests fast: 3 attempts, 1 ms doubling to 4 ms. */
  RetryPolicy FAST = new RetryPolicy(3, Duration.ofMillis(1), 2.0, Duration.ofMillis(4));

  /** The backend of the current test, fresh for each test. */
  StoreBackend backend();

  /** The namespace of the current test. */
  String namespace();

  /**
   * A new node on the backend, in the test's namespace, with {@link #FAST} retries unless
   * {@code options} says otherwise; closed after the test.
   */
  Brokkr node(UnaryOperator<BrokkrBuilder> options);

  /** A new node with the defaults of {@link #node(UnaryOperator)}. */
  default Brokkr node() {
    return node(b -> b);
  }

  /** A raw store on the backend, for tests of the SPI itself; closed after the test. */
  SagaStore store();

  /** The saga's outcome, once it settles. */
  default SagaOutcome outcome(Saga saga) {
    return await(saga.getOutcome());
  }

  /** The future's value, failing the test if it does not complete in time. */
  default <T> T await(CompletableFuture<T> future) {
    try {
      return future.get(PATIENCE.toMillis(), TimeUnit.MILLISECONDS);
    } catch (TimeoutException e) {
      return fail("nothing completed within " + PATIENCE);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return fail("interrupted");
    } catch (ExecutionException e) {
      return fail("completed exceptionally", e.getCause());
    }
  }

  /** Waits for the latch, failing the test if it does not open in time. */
  default void await(CountDownLatch latch, String what) {
    try {
      if (!latch.await(PATIENCE.toMillis(), TimeUnit.MILLISECONDS)) {
        fail("waited in vain for " + what);
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      fail("interrupted waiting for " + what);
    }
  }

  /** Polls until {@code condition} holds, failing the test at the deadline. */
  default void eventually(String what, BooleanSupplier condition) {
    Eventually.until(what, condition, PATIENCE);
  }

}
