package io.brokkr.runtime.differential;

import io.brokkr.runtime.HistoryEntry;
import io.brokkr.runtime.SagaPage;
import io.brokkr.runtime.SagaQuery;
import io.brokkr.runtime.SagaStatus;
import io.brokkr.runtime.spi.Change;
import io.brokkr.runtime.spi.Claim;
import io.brokkr.runtime.spi.SagaSnapshot;
import io.brokkr.runtime.spi.SagaStore;
import io.brokkr.runtime.spi.Settling;
import io.brokkr.runtime.spi.StepSnapshot;
import io.brokkr.runtime.spi.StoreBackend;
import io.brokkr.runtime.spi.StoreEvent;
import io.brokkr.runtime.spi.StoreRejectedException;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * One store under test: several views of one namespace, a call at a time, observed after each call.
 *
 * <p>The claimer views (one per node id) make the {@code claimNext} calls, the actor view everything
 * else; the actor's events are compared. The split keeps a legitimately store-specific event out of
 * the comparison: a Redis view wakes the workers it claims for when their queue's head lingers (a
 * local {@code WorkReady} every sweep), and the actor never claims. All views run on a clock fixed
 * far before {@link Call#T0}, so their own sweeps fire nothing: time moves only by the calls.
 */
final class Side implements AutoCloseable {
  private static final Clock FIXED = Clock.fixed(Instant.EPOCH.plusSeconds(1_000_000), ZoneOffset.UTC);
  /** How long the claimer may take to hear a call's events; reached only if the store lost some. */
  private static final long PATIENCE_NANOS = TimeUnit.SECONDS.toNanos(10);

  private final SagaStore actor;
  /** A view per node id that claims: one view's idea of a queue lags when another claims from it. */
  private final Map<String, Claimer> claimers = new LinkedHashMap<>();

  private final List<StoreEvent> heard = new ArrayList<>();
  private final SagaStore.Subscription subscription;

  Side(StoreBackend backend, String namespace, List<String> nodeIds) {
    this.actor = backend.open(namespace, FIXED);
    nodeIds.forEach(nodeId -> claimers.put(nodeId, new Claimer(backend.open(namespace, FIXED))));
    this.subscription = actor.subscribe(event -> {
      synchronized (heard) {
        heard.add(event);
      }
    });
  }

  /**
   * The reply without the claims' ready times and a settled saga's creation time: a store's own time
   * (the view's clock in memory, the server's on Redis).
   */
  private static Object withoutReadyTimes(Object reply) {
    if (reply instanceof Optional<?> optional && optional.isPresent() && optional.get() instanceof Claim claim) {
      return Optional.of(readyless(claim));
    }
    if (reply instanceof Change change && (!change.claims().isEmpty() || change.settling().isPresent())) {
      return new Change(change.applied(), change.ready(), change.retryAt(),
          change.claims().stream().map(Side::readyless).toList(),
          change.settling().map(s -> new Settling(s.sagaId(), s.name(), s.status(), Instant.EPOCH, s.outcome())));
    }
    return reply;
  }

  private static Claim readyless(Claim claim) {
    return new Claim(claim.step(), claim.lease(), claim.dependencyResultsJson(), claim.traceContext(), Optional.empty());
  }

  /** Makes the call and reads what it did; {@code sagaIds} are the sagas to load. */
  Observation observe(Call call, List<String> sagaIds) {
    Object reply;
    try {
      reply = call.apply(actor, nodeId -> claimers.get(nodeId).view);
    } catch (RuntimeException e) {
      reply = new Observation.Thrown(e.getClass().getSimpleName(),
          e instanceof StoreRejectedException rejected ? rejected.reason().name() : "", String.valueOf(e.getMessage()));
    }
    // A load waits until the listeners of its view saw the saga's events up to what it read (Redis);
    // the in-memory store delivers before the call returns. So after the loads, heard is complete.
    Map<String, Optional<SagaSnapshot>> sagas = new LinkedHashMap<>();
    for (String sagaId : sagaIds) {
      sagas.put(sagaId, actor.load(sagaId).map(Side::timeless));
    }
    List<StoreEvent> events;
    synchronized (heard) {
      events = List.copyOf(heard);
      heard.clear();
    }
    claimers.values().forEach(claimer -> claimer.awaitHeard(events));
    Map<String, List<String>> listings = listings();
    sagaIds.forEach(sagaId -> listings.put("history of " + sagaId, timeless(actor.history(sagaId))));
    return new Observation(withoutReadyTimes(reply), events.stream()
        .map(e -> withoutSettlement(e, sagas)).toList(), sagas, actor.unfinishedSagas(), actor.countByStatus(), listings);
  }

  /**
   * The times of a saga are the store's (the fixed clock in memory, the server's on Redis): they are
   * left out of the comparison; their order is what {@link #listings} compares.
   */
  private static SagaSnapshot timeless(SagaSnapshot saga) {
    return new SagaSnapshot(saga.sagaId(), saga.status(), saga.failure(), saga.steps(), saga.name(), Instant.EPOCH,
        Instant.EPOCH);
  }

  /** A history without its times, which are the stores' own. */
  private static List<String> timeless(List<HistoryEntry> history) {
    return history.stream().map(e -> new HistoryEntry(Instant.EPOCH, e.kind(), e.stepId(), e.from(), e.to(), e.nodeId(),
        e.attempt(), e.token(), e.reason(), e.action()).toString()).toList();
  }

  /**
   * What some queries find, each as its sorted sagas (the stores' times differ, and so their order):
   * every saga read two a page (cursors, and ties of time on the fixed clock), a name, open statuses,
   * and the sagas waiting on each worker.
   */
  private Map<String, List<String>> listings() {
    Map<String, List<String>> listings = new LinkedHashMap<>();
    listings.put("all, 2 a page", everyPage(SagaQuery.all().limit(2)));
    listings.put("named " + SequenceGenerator.NAMES.get(0), everyPage(SagaQuery.all().withName(SequenceGenerator.NAMES.get(0))));
    listings.put("open", everyPage(SagaQuery.all().withStatus(SagaStatus.RUNNING, SagaStatus.COMPENSATING)));
    for (String worker : SequenceGenerator.WORKERS) {
      listings.put("waiting on " + worker, everyPage(SagaQuery.all().waitingOn(worker)));
    }
    return listings;
  }

  private List<String> everyPage(SagaQuery query) {
    List<String> found = new ArrayList<>();
    SagaPage page = actor.query(query);
    page.sagas().forEach(saga -> found.add(saga.sagaId() + " " + saga.name().orElse("-") + " " + saga.status()));
    while (page.nextCursor().isPresent()) {
      page = actor.query(query.after(page.nextCursor().get()));
      page.sagas().forEach(saga -> found.add(saga.sagaId() + " " + saga.name().orElse("-") + " " + saga.status()));
    }
    return found.stream().sorted().toList();
  }

  /** A view that claims, and what it heard of the events. */
  private static final class Claimer {
    final SagaStore view;
    private final List<StoreEvent> heard = new ArrayList<>();
    private final SagaStore.Subscription subscription;

    Claimer(SagaStore view) {
      this.view = view;
      this.subscription = view.subscribe(event -> {
        synchronized (heard) {
          heard.add(event);
          heard.notifyAll();
        }
      });
    }

    /**
     * Waits until this view heard the call's events too. A Redis view learns the heads of its
     * workers' queues from the events (before it delivers them), and claims from what it knows: a
     * node claims when a {@code WorkReady} wakes it, so it never claims before it heard of the work.
     * The test claims right after the next call, so it waits as long as a node would. What the view
     * heard besides are its own wake-ups (see the class comment): dropped.
     */
    void awaitHeard(List<StoreEvent> events) {
      long deadline = System.nanoTime() + PATIENCE_NANOS;
      synchronized (heard) {
        try {
          for (StoreEvent event : events) {
            while (!heard.remove(event)) {
              long left = deadline - System.nanoTime();
              if (left <= 0) {
                return; // the comparison of the next claims will show what is missing
              }
              TimeUnit.NANOSECONDS.timedWait(heard, left);
            }
          }
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
        } finally {
          heard.clear();
        }
      }
    }

    void close() {
      subscription.close();
      view.close();
    }
  }

  /**
   * A store may send a settled saga's outcome with the event that settles it, or not (the in-memory
   * store never does; the nodes read the saga then). A settlement that agrees with the saga as
   * loaded is dropped before the comparison; one that does not is kept, so the difference shows.
   */
  private static StoreEvent withoutSettlement(StoreEvent event, Map<String, Optional<SagaSnapshot>> sagas) {
    if (!(event instanceof StoreEvent.SagaMoved moved) || moved.settlement().isEmpty()) {
      return event;
    }
    Optional<SagaSnapshot> saga = sagas.getOrDefault(moved.sagaId(), Optional.empty());
    if (saga.isPresent() && moved.settlement().get().equals(settlementOf(saga.get()))) {
      return new StoreEvent.SagaMoved(moved.sagaId(), moved.from(), moved.to());
    }
    return event;
  }

  private static StoreEvent.Settlement settlementOf(SagaSnapshot saga) {
    Map<String, String> results = new LinkedHashMap<>();
    for (StepSnapshot step : saga.steps()) {
      if (!step.isCompensator()) {
        step.resultJson().ifPresent(r -> results.put(step.stepId(), r));
      }
    }
    return new StoreEvent.Settlement(saga.failure(), results);
  }

  @Override
  public void close() {
    subscription.close();
    claimers.values().forEach(Claimer::close);
    actor.close();
  }
}
