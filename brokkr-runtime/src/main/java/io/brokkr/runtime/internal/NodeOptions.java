package io.brokkr.runtime.internal;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.brokkr.dsl.RetryPolicy;
import io.brokkr.runtime.Instrumentation;
import io.brokkr.runtime.SagaListener;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.Executor;

/**
 * The checked options of one node.
 *
 * @param namespace where its sagas live
 * @param nodeId its name in leases
 * @param concurrency how many step attempts it runs at once
 * @param defaultRetry the policy of steps that set none
 * @param lease how long an attempt's lease lasts unless renewed; renewed every third of it
 * @param clock the time of leases, deadlines and backoffs
 * @param executor where attempts run; empty for a pool the node owns
 * @param listeners what sees every transition
 * @param drainTimeout how long {@code close()} waits for running attempts before it hands them back
 * @param mapper how args and results become JSON: checked, without default typing
 * @param defaultMapper whether {@code mapper} is Brokkr's default, without the application's mapper or modules
 * @param announced whether the node announces itself to {@code liveNodes}
 * @param instrumentation what the node reports its work to; {@link Instrumentation#NONE} for nothing
 * @param strandedWarningAfter how long a step this node made ready, for a worker it does not host, may wait
 *     before a warning
 */
public record NodeOptions(
    String namespace,
    String nodeId,
    int concurrency,
    RetryPolicy defaultRetry,
    Duration lease,
    Clock clock,
    Optional<Executor> executor,
    List<SagaListener> listeners,
    Duration drainTimeout,
    ObjectMapper mapper,
    boolean defaultMapper,
    Duration strandedWarningAfter,
    boolean announced,
    Instrumentation instrumentation) {

  public NodeOptions {
    Objects.requireNonNull(namespace, "namespace");
    Objects.requireNonNull(nodeId, "nodeId");
    Objects.requireNonNull(defaultRetry, "defaultRetry");
    Objects.requireNonNull(lease, "lease");
    Objects.requireNonNull(clock, "clock");
    Objects.requireNonNull(executor, "executor");
    listeners = List.copyOf(listeners);
    Objects.requireNonNull(drainTimeout, "drainTimeout");
    Objects.requireNonNull(mapper, "mapper");
    Objects.requireNonNull(strandedWarningAfter, "strandedWarningAfter");
    Objects.requireNonNull(instrumentation, "instrumentation");
  }
}
