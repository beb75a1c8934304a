package io.brokkr.runtime.redis.testing;

import io.brokkr.runtime.HistoryEntry;
import io.brokkr.runtime.NodeInfo;
import io.brokkr.runtime.ReadyQueue;
import io.brokkr.runtime.SagaPage;
import io.brokkr.runtime.SagaQuery;
import io.brokkr.runtime.SagaStatus;
import io.brokkr.runtime.spi.Change;
import io.brokkr.runtime.spi.Claim;
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
import java.util.function.Consumer;

/**
 * A store that reports every settlement made by an attempt ({@code FINISH|FAIL <saga> <step> token <t>
 * applied=<bool>}), so that a test sees from outside whether a late completion was rejected.
 */
final class ReportingStore implements SagaStore {
  private final SagaStore store;
  private final Consumer<String> report;

  ReportingStore(SagaStore store, Consumer<String> report) {
    this.store = store;
    this.report = report;
  }

  @Override
  public Change finish(StepRef step, Settler by, Optional<String> resultJson) {
    return reported("FINISH", step, by, store.finish(step, by, resultJson));
  }

  @Override
  public Change fail(StepRef step, Settler by, String reason, String detail, Instant now) {
    return reported("FAIL", step, by, store.fail(step, by, reason, detail, now));
  }

  private Change reported(String what, StepRef step, Settler by, Change change) {
    if (by instanceof Settler.Attempt attempt) {
      report.accept(what + " " + step.sagaId() + " " + step.stepId() + " token " + attempt.token()
          + " applied=" + change.applied());
    }
    return change;
  }

  @Override
  public String namespace() {
    return store.namespace();
  }

  @Override
  public void createSaga(String sagaId, Optional<String> name) {
    store.createSaga(sagaId, name);
  }

  @Override
  public Change addStep(String sagaId, StepSpec step) {
    return store.addStep(sagaId, step);
  }

  @Override
  public Change addCompensator(String sagaId, String stepId, StepSpec compensator) {
    return store.addCompensator(sagaId, stepId, compensator);
  }

  @Override
  public Change start(String sagaId) {
    return store.start(sagaId);
  }

  @Override
  public Optional<Claim> claimNext(String workerName, String nodeId, Instant now, Duration lease) {
    return store.claimNext(workerName, nodeId, now, lease);
  }

  @Override
  public boolean heartbeat(StepRef step, long token, Instant until) {
    return store.heartbeat(step, token, until);
  }

  @Override
  public Change failUnknown(StepRef step, long token, String reason, Instant now) {
    return reported("FAIL", step, Settler.attempt(token), store.failUnknown(step, token, reason, now));
  }

  @Override
  public Change handBack(StepRef step, long token, boolean mayHaveRun) {
    return reported("HANDBACK", step, Settler.attempt(token), store.handBack(step, token, mayHaveRun));
  }

  @Override
  public Change requeue(StepRef step) {
    return store.requeue(step);
  }

  @Override
  public int fireDue(Instant now) {
    return store.fireDue(now);
  }

  @Override
  public Optional<SagaSnapshot> load(String sagaId) {
    return store.load(sagaId);
  }

  @Override
  public List<String> unfinishedSagas() {
    return store.unfinishedSagas();
  }

  @Override
  public Change cancel(String sagaId, String reason, String author) {
    return store.cancel(sagaId, reason, author);
  }

  @Override
  public Change retry(String sagaId, String author) {
    return store.retry(sagaId, author);
  }

  @Override
  public Change resolve(StepRef step, String note, String author) {
    return store.resolve(step, note, author);
  }

  @Override
  public List<HistoryEntry> history(String sagaId) {
    return store.history(sagaId);
  }

  @Override
  public SagaPage query(SagaQuery query) {
    return store.query(query);
  }

  @Override
  public Map<SagaStatus, Long> countByStatus() {
    return store.countByStatus();
  }

  @Override
  public Map<String, Long> readyByWorker() {
    return store.readyByWorker();
  }

  @Override
  public List<ReadyQueue> readyQueues() {
    return store.readyQueues();
  }

  @Override
  public void announce(NodeInfo node, Duration ttl) {
    store.announce(node, ttl);
  }

  @Override
  public void withdraw(String nodeId) {
    store.withdraw(nodeId);
  }

  @Override
  public List<NodeInfo> liveNodes() {
    return store.liveNodes();
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
}
