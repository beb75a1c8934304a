package io.brokkr.test;

import io.brokkr.runtime.Brokkr;
import io.brokkr.runtime.BrokkrBuilder;
import io.brokkr.runtime.Saga;
import io.brokkr.runtime.SagaHandle;
import io.brokkr.runtime.SagaOutcome;
import io.brokkr.runtime.SagaStep;
import io.brokkr.runtime.StepStatus;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Consumer;
import org.opentest4j.AssertionFailedError;

/**
 * An in-memory Brokkr node for a test, on a {@link TestClock}: backoffs, timeouts and leases wait
 * for the test to {@link #advance} the clock, never for real time to pass. Register the workers (or
 * a launcher's) on {@link #node()}, start sagas there, and {@link #awaitOutcome} them for a
 * {@link SagaRun} to assert on.
 *
 * <pre>{@code
 * try (TestBrokkr brokkr = TestBrokkr.create()) {
 *   OrderSagaLauncher.register(brokkr.node(), new OrderSaga(payments));
 *   SagaRun run = brokkr.awaitOutcome(OrderSagaLauncher.start(brokkr.node(), "order-1"));
 *   run.assertFinished().assertStepsRanInOrder("reserve", "charge", "ship");
 * }
 * }</pre>
 *
 * <p>Retries with short backoffs (the default policy waits 100 ms, then 200 ms) also run without a
 * move of the clock: the node's own timer wakes them after that real time.
 */
public final class TestBrokkr implements AutoCloseable {
  /** Where the clock stands when a test starts: a fixed time, so that runs are alike. */
  public static final Instant START = Instant.parse("2030-01-01T00:00:00Z");
  /** How long {@link #awaitOutcome(SagaHandle)} waits for a saga to settle, in real time. */
  public static final Duration DEFAULT_PATIENCE = Duration.ofSeconds(10);
  /**
   * The lease of the kit's node: long, so that moving the clock by hours does not expire the lease
   * of an attempt that is simply still running (the node renews a lease in real time).
   */
  public static final Duration LEASE = Duration.ofDays(365);

  private final TestClock clock;
  private final ClockedBackend backend;
  private final Recorder recorder;
  private final Brokkr node;

  private TestBrokkr(Consumer<BrokkrBuilder> options) {
    this.clock = TestClock.at(START);
    this.backend = new ClockedBackend();
    this.recorder = new Recorder();
    BrokkrBuilder builder = Brokkr.builder().namespace("test").leaseDuration(LEASE).drainTimeout(Duration.ZERO);
    options.accept(builder);
    // After the test's options: the kit's clock and recorder are what it is made of.
    this.node = builder.clock(clock).listener(recorder).build(backend);
  }

  /** {@return a node with the default options, its clock at {@link #START}} */
  public static TestBrokkr create() {
    return new TestBrokkr(builder -> {});
  }

  /**
   * {@return a node with the test's options (a default retry policy, concurrency, listeners), its
   * clock at {@link #START}} The clock is the kit's whatever the options say.
   *
   * @param options sets options on the node's builder
   */
  public static TestBrokkr create(Consumer<BrokkrBuilder> options) {
    return new TestBrokkr(Objects.requireNonNull(options, "options"));
  }

  /** {@return the node: register workers and start sagas on it} */
  public Brokkr node() {
    return node;
  }

  /** {@return the node's clock} */
  public TestClock clock() {
    return clock;
  }

  /**
   * Moves the clock forward and fires, before it returns, every timer that became due: a backoff
   * that ended requeues its step, an attempt past its timeout fails. The steps they make ready run
   * on the node's threads; {@link #awaitOutcome} waits for them.
   *
   * @param by how far, zero or more
   * @return the time the clock shows now
   * @throws IllegalArgumentException when {@code by} is negative
   */
  public Instant advance(Duration by) {
    Instant now = clock.advance(by);
    backend.fireDue(now);
    return now;
  }

  /**
   * Waits up to {@link #DEFAULT_PATIENCE} for the saga to settle.
   *
   * @param handle the saga, as its launcher or {@link Brokkr#start} returned it
   * @return what the saga did, to assert on
   * @throws AssertionFailedError when it did not settle in time, naming the status and attempt of
   *     each of its steps
   */
  public SagaRun awaitOutcome(SagaHandle<?> handle) {
    return awaitOutcome(handle, DEFAULT_PATIENCE);
  }

  /**
   * Waits up to {@code patience} for the saga to settle.
   *
   * @param handle the saga, as its launcher or {@link Brokkr#start} returned it
   * @param patience how long to wait, in real time
   * @return what the saga did, to assert on
   * @throws AssertionFailedError when it did not settle in time, naming the status and attempt of
   *     each of its steps
   */
  public SagaRun awaitOutcome(SagaHandle<?> handle, Duration patience) {
    return await(handle.sagaId(), handle.outcome(), patience);
  }

  /**
   * Waits up to {@link #DEFAULT_PATIENCE} for a saga built with {@link Brokkr#createSaga()} to settle.
   *
   * @param saga the started saga
   * @return what the saga did, to assert on
   * @throws AssertionFailedError when it did not settle in time
   */
  public SagaRun awaitOutcome(Saga saga) {
    return awaitOutcome(saga, DEFAULT_PATIENCE);
  }

  /**
   * Waits up to {@code patience} for a saga built with {@link Brokkr#createSaga()} to settle.
   *
   * @param saga the started saga
   * @param patience how long to wait, in real time
   * @return what the saga did, to assert on
   * @throws AssertionFailedError when it did not settle in time
   */
  public SagaRun awaitOutcome(Saga saga, Duration patience) {
    return await(saga.getId(), saga.getOutcome(), patience);
  }

  /**
   * Waits up to {@link #DEFAULT_PATIENCE} until the step failed an attempt and waits out its backoff
   * (QUEUED, with the attempt's failure): the moment to {@link #advance} the clock past it.
   *
   * @param sagaId the saga
   * @param stepId the step (for a saga started from a template, the step's name)
   * @throws AssertionFailedError naming the status of each step when that does not happen in time
   */
  public void awaitBackoff(String sagaId, String stepId) {
    long deadline = System.nanoTime() + DEFAULT_PATIENCE.toNanos();
    while (!inBackoff(sagaId, stepId)) {
      if (System.nanoTime() > deadline) {
        throw new AssertionFailedError("step \"" + stepId + "\" of saga " + sagaId + " did not wait out a backoff within "
            + DEFAULT_PATIENCE + "; its steps:\n" + String.join("\n", describe(sagaId)));
      }
      try {
        Thread.sleep(5);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new AssertionFailedError("interrupted while waiting for a backoff of saga " + sagaId, e);
      }
    }
  }

  private boolean inBackoff(String sagaId, String stepId) {
    return steps(sagaId).stream().anyMatch(s -> s.getId().equals(stepId) && s.getStatus() == StepStatus.QUEUED
        && s.getFailureReason().isPresent());
  }

  private SagaRun await(String sagaId, CompletableFuture<SagaOutcome> outcome, Duration patience) {
    try {
      SagaOutcome settled = outcome.get(patience.toMillis(), TimeUnit.MILLISECONDS);
      return new SagaRun(settled, recorder.of(sagaId), attempts(sagaId));
    } catch (TimeoutException e) {
      throw new AssertionFailedError("saga " + sagaId + " did not settle within " + patience + " (clock at "
          + clock.instant() + "); its steps:\n" + String.join("\n", describe(sagaId))
          + "\nA step that waits out a backoff or a timeout moves when the test calls advance(...).");
    } catch (ExecutionException e) {
      throw new AssertionFailedError("saga " + sagaId + " has no outcome: " + e.getCause(), e.getCause());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new AssertionFailedError("interrupted while saga " + sagaId + " ran", e);
    }
  }

  /** The attempts of every step and compensator of the saga, by step id. */
  private Map<String, Integer> attempts(String sagaId) {
    Map<String, Integer> attempts = new LinkedHashMap<>();
    for (SagaStep step : steps(sagaId)) {
      attempts.put(step.getId(), step.getAttempt());
      step.getCompensator().ifPresent(c -> attempts.put(c.getId(), c.getAttempt()));
    }
    return attempts;
  }

  private List<String> describe(String sagaId) {
    List<String> lines = new ArrayList<>();
    for (SagaStep step : steps(sagaId)) {
      lines.add("  " + step.getId() + ": " + step.getStatus() + ", attempt " + step.getAttempt()
          + step.getFailureReason().map(r -> ", last failure: " + r).orElse(""));
    }
    return lines;
  }

  private List<SagaStep> steps(String sagaId) {
    return node.getSaga(sagaId).map(Saga::getSteps).orElse(List.of());
  }

  /** Closes the node; attempts still running are handed back at once (unless the options set a drain timeout). */
  @Override
  public void close() {
    node.close();
  }
}
