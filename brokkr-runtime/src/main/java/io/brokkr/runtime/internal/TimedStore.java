package io.brokkr.runtime.internal;

import io.brokkr.runtime.HistoryEntry;
import io.brokkr.runtime.Instrumentation;
import io.brokkr.runtime.NodeInfo;
import io.brokkr.runtime.ReadyQueue;
import io.brokkr.runtime.SagaPage;
import io.brokkr.runtime.SagaQuery;
import io.brokkr.runtime.SagaStatus;
import io.brokkr.runtime.spi.Change;
import io.brokkr.runtime.spi.Claim;
import io.brokkr.runtime.spi.ClaimRequest;
import io.brokkr.runtime.spi.SagaDraft;
import io.brokkr.runtime.spi.SagaSnapshot;
import io.brokkr.runtime.spi.SagaStore;
import io.brokkr.runtime.spi.Settler;
import io.brokkr.runtime.spi.StepRef;
import io.brokkr.runtime.spi.StepSpec;
import io.brokkr.runtime.spi.StoreListener;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * A node's store, each call timed and reported to the instrumentation by operation (the SPI method's
 * name), whether it returned or threw. Only a node with instrumentation wraps its store so.
 */
final class TimedStore implements SagaStore {
  private final SagaStore store;
  private final Instrumentation instrumentation;
  private final String namespace;

  TimedStore(SagaStore store, Instrumentation instrumentation) {
    this.store = store;
    this.instrumentation = instrumentation;
    this.namespace = store.namespace();
  }

  private <T> T timed(String operation, Supplier<T> call) {
    long start = System.nanoTime();
    try {
      return call.get();
    } finally {
      instrumentation.storeCall(namespace, operation, Duration.ofNanos(System.nanoTime() - start));
    }
  }

  private void timed(String operation, Runnable call) {
    timed(operation, () -> {
      call.run();
      return null;
    });
  }

  @Override
  public String namespace() {
    return namespace;
  }

  @Override
  public void createSaga(String sagaId, Optional<String> name) {
    timed("createSaga", () -> store.createSaga(sagaId, name));
  }

  @Override
  public void createSaga(String sagaId, Optional<String> name, Map<String, String> traceContext) {
    timed("createSaga", () -> store.createSaga(sagaId, name, traceContext));
  }

  @Override
  public Change addStep(String sagaId, StepSpec step) {
    return timed("addStep", () -> store.addStep(sagaId, step));
  }

  @Override
  public Change addCompensator(String sagaId, String stepId, StepSpec compensator) {
    return timed("addCompensator", () -> store.addCompensator(sagaId, stepId, compensator));
  }

  @Override
  public Change start(String sagaId) {
    return timed("start", () -> store.start(sagaId));
  }

  @Override
  public Change createAndStart(SagaDraft draft) {
    return timed("createAndStart", () -> store.createAndStart(draft));
  }

  @Override
  public Change createStartAndClaim(SagaDraft draft, ClaimRequest next, int max) {
    return timed("createStartAndClaim", () -> store.createStartAndClaim(draft, next, max));
  }

  @Override
  public Optional<Claim> claimNext(String workerName, String nodeId, Instant now, Duration lease) {
    return timed("claimNext", () -> store.claimNext(workerName, nodeId, now, lease));
  }

  @Override
  public boolean heartbeat(StepRef step, long token, Instant until) {
    return timed("heartbeat", () -> store.heartbeat(step, token, until));
  }

  @Override
  public Change finish(StepRef step, Settler by, Optional<String> resultJson) {
    return timed("finish", () -> store.finish(step, by, resultJson));
  }

  @Override
  public Change finishAndClaim(StepRef step, Settler by, Optional<String> resultJson, ClaimRequest next) {
    return timed("finishAndClaim", () -> store.finishAndClaim(step, by, resultJson, next));
  }

  @Override
  public Change fail(StepRef step, Settler by, String reason, Instant now) {
    return timed("fail", () -> store.fail(step, by, reason, now));
  }

  @Override
  public Change failUnknown(StepRef step, long token, String reason, Instant now) {
    return timed("failUnknown", () -> store.failUnknown(step, token, reason, now));
  }

  @Override
  public Change handBack(StepRef step, long token, boolean mayHaveRun) {
    return timed("handBack", () -> store.handBack(step, token, mayHaveRun));
  }

  @Override
  public boolean park(StepRef step, long token) {
    return timed("park", () -> store.park(step, token));
  }

  @Override
  public Change requeue(StepRef step) {
    return timed("requeue", () -> store.requeue(step));
  }

  @Override
  public int fireDue(Instant now) {
    return timed("fireDue", () -> store.fireDue(now));
  }

  @Override
  public Optional<SagaSnapshot> load(String sagaId) {
    return timed("load", () -> store.load(sagaId));
  }

  @Override
  public List<String> unfinishedSagas() {
    return timed("unfinishedSagas", store::unfinishedSagas);
  }

  @Override
  public Change cancel(String sagaId, String reason, String author) {
    return timed("cancel", () -> store.cancel(sagaId, reason, author));
  }

  @Override
  public Change retry(String sagaId, String author) {
    return timed("retry", () -> store.retry(sagaId, author));
  }

  @Override
  public Change resolve(StepRef step, String note, String author) {
    return timed("resolve", () -> store.resolve(step, note, author));
  }

  @Override
  public List<HistoryEntry> history(String sagaId) {
    return timed("history", () -> store.history(sagaId));
  }

  @Override
  public SagaPage query(SagaQuery query) {
    return timed("query", () -> store.query(query));
  }

  @Override
  public Map<SagaStatus, Long> countByStatus() {
    return timed("countByStatus", store::countByStatus);
  }

  @Override
  public Map<String, Long> readyByWorker() {
    return timed("readyByWorker", store::readyByWorker);
  }

  @Override
  public List<ReadyQueue> readyQueues() {
    return timed("readyQueues", store::readyQueues);
  }

  @Override
  public void announce(NodeInfo node, Duration ttl) {
    timed("announce", () -> store.announce(node, ttl));
  }

  @Override
  public void withdraw(String nodeId) {
    timed("withdraw", () -> store.withdraw(nodeId));
  }

  @Override
  public List<NodeInfo> liveNodes() {
    return timed("liveNodes", store::liveNodes);
  }

  @Override
  public Subscription subscribe(StoreListener listener) {
    return store.subscribe(listener);
  }

  @Override
  public Subscription subscribeToOwnWork(StoreListener listener) {
    return store.subscribeToOwnWork(listener);
  }

  @Override
  public void follow(String sagaId) {
    store.follow(sagaId);
  }

  @Override
  public void followAll() {
    store.followAll();
  }

  @Override
  public void close() {
    store.close();
  }

  @Override
  public String toString() {
    return store.toString();
  }
}
