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

/**
 * A node's store, each call timed and reported to the instrumentation by operation (the SPI method's
 * name, a constant string), whether it returned or threw. Only a node with instrumentation wraps its
 * store so. Each method times itself: no lambda, no allocation per call.
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

  /** Reports a call that started at {@code start} ({@link System#nanoTime()}) and ends now. */
  private void report(String operation, long start) {
    instrumentation.storeCall(namespace, operation, System.nanoTime() - start);
  }

  @Override
  public String namespace() {
    return namespace;
  }

  @Override
  public void createSaga(String sagaId, Optional<String> name) {
    long start = System.nanoTime();
    try {
      store.createSaga(sagaId, name);
    } finally {
      report("createSaga", start);
    }
  }

  @Override
  public void createSaga(String sagaId, Optional<String> name, Map<String, String> traceContext) {
    long start = System.nanoTime();
    try {
      store.createSaga(sagaId, name, traceContext);
    } finally {
      report("createSaga", start);
    }
  }

  @Override
  public Change addStep(String sagaId, StepSpec step) {
    long start = System.nanoTime();
    try {
      return store.addStep(sagaId, step);
    } finally {
      report("addStep", start);
    }
  }

  @Override
  public Change addCompensator(String sagaId, String stepId, StepSpec compensator) {
    long start = System.nanoTime();
    try {
      return store.addCompensator(sagaId, stepId, compensator);
    } finally {
      report("addCompensator", start);
    }
  }

  @Override
  public Change start(String sagaId) {
    long start = System.nanoTime();
    try {
      return store.start(sagaId);
    } finally {
      report("start", start);
    }
  }

  @Override
  public Change createAndStart(SagaDraft draft) {
    long start = System.nanoTime();
    try {
      return store.createAndStart(draft);
    } finally {
      report("createAndStart", start);
    }
  }

  @Override
  public Change createStartAndClaim(SagaDraft draft, ClaimRequest next, int max) {
    long start = System.nanoTime();
    try {
      return store.createStartAndClaim(draft, next, max);
    } finally {
      report("createStartAndClaim", start);
    }
  }

  @Override
  public Optional<Claim> claimNext(String workerName, String nodeId, Instant now, Duration lease) {
    long start = System.nanoTime();
    try {
      return store.claimNext(workerName, nodeId, now, lease);
    } finally {
      report("claimNext", start);
    }
  }

  @Override
  public boolean heartbeat(StepRef step, long token, Instant until) {
    long start = System.nanoTime();
    try {
      return store.heartbeat(step, token, until);
    } finally {
      report("heartbeat", start);
    }
  }

  @Override
  public Change finish(StepRef step, Settler by, Optional<String> resultJson) {
    long start = System.nanoTime();
    try {
      return store.finish(step, by, resultJson);
    } finally {
      report("finish", start);
    }
  }

  @Override
  public Change finishAndClaim(StepRef step, Settler by, Optional<String> resultJson, ClaimRequest next, int max) {
    long start = System.nanoTime();
    try {
      return store.finishAndClaim(step, by, resultJson, next, max);
    } finally {
      report("finishAndClaim", start);
    }
  }

  @Override
  public Change fail(StepRef step, Settler by, String reason, String detail, Instant now) {
    long start = System.nanoTime();
    try {
      return store.fail(step, by, reason, detail, now);
    } finally {
      report("fail", start);
    }
  }

  @Override
  public Change failUnknown(StepRef step, long token, String reason, Instant now) {
    long start = System.nanoTime();
    try {
      return store.failUnknown(step, token, reason, now);
    } finally {
      report("failUnknown", start);
    }
  }

  @Override
  public Change handBack(StepRef step, long token, boolean mayHaveRun) {
    long start = System.nanoTime();
    try {
      return store.handBack(step, token, mayHaveRun);
    } finally {
      report("handBack", start);
    }
  }

  @Override
  public boolean park(StepRef step, long token) {
    long start = System.nanoTime();
    try {
      return store.park(step, token);
    } finally {
      report("park", start);
    }
  }

  @Override
  public Change requeue(StepRef step) {
    long start = System.nanoTime();
    try {
      return store.requeue(step);
    } finally {
      report("requeue", start);
    }
  }

  @Override
  public int fireDue(Instant now) {
    long start = System.nanoTime();
    try {
      return store.fireDue(now);
    } finally {
      report("fireDue", start);
    }
  }

  @Override
  public Optional<SagaSnapshot> load(String sagaId) {
    long start = System.nanoTime();
    try {
      return store.load(sagaId);
    } finally {
      report("load", start);
    }
  }

  @Override
  public List<String> unfinishedSagas() {
    long start = System.nanoTime();
    try {
      return store.unfinishedSagas();
    } finally {
      report("unfinishedSagas", start);
    }
  }

  @Override
  public Change cancel(String sagaId, String reason, String author) {
    long start = System.nanoTime();
    try {
      return store.cancel(sagaId, reason, author);
    } finally {
      report("cancel", start);
    }
  }

  @Override
  public Change retry(String sagaId, String author) {
    long start = System.nanoTime();
    try {
      return store.retry(sagaId, author);
    } finally {
      report("retry", start);
    }
  }

  @Override
  public Change resolve(StepRef step, String note, String author) {
    long start = System.nanoTime();
    try {
      return store.resolve(step, note, author);
    } finally {
      report("resolve", start);
    }
  }

  @Override
  public List<HistoryEntry> history(String sagaId) {
    long start = System.nanoTime();
    try {
      return store.history(sagaId);
    } finally {
      report("history", start);
    }
  }

  @Override
  public SagaPage query(SagaQuery query) {
    long start = System.nanoTime();
    try {
      return store.query(query);
    } finally {
      report("query", start);
    }
  }

  @Override
  public Map<SagaStatus, Long> countByStatus() {
    long start = System.nanoTime();
    try {
      return store.countByStatus();
    } finally {
      report("countByStatus", start);
    }
  }

  @Override
  public Map<String, Long> readyByWorker() {
    long start = System.nanoTime();
    try {
      return store.readyByWorker();
    } finally {
      report("readyByWorker", start);
    }
  }

  @Override
  public List<ReadyQueue> readyQueues() {
    long start = System.nanoTime();
    try {
      return store.readyQueues();
    } finally {
      report("readyQueues", start);
    }
  }

  @Override
  public void announce(NodeInfo node, Duration ttl) {
    long start = System.nanoTime();
    try {
      store.announce(node, ttl);
    } finally {
      report("announce", start);
    }
  }

  @Override
  public void withdraw(String nodeId) {
    long start = System.nanoTime();
    try {
      store.withdraw(nodeId);
    } finally {
      report("withdraw", start);
    }
  }

  @Override
  public List<NodeInfo> liveNodes() {
    long start = System.nanoTime();
    try {
      return store.liveNodes();
    } finally {
      report("liveNodes", start);
    }
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
  public boolean follow(String sagaId) {
    return store.follow(sagaId);
  }

  @Override
  public void followAll() {
    store.followAll();
  }

  @Override
  public void takeNoMoreWork() {
    store.takeNoMoreWork();
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
