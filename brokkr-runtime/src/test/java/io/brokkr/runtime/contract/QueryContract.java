package io.brokkr.runtime.contract;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.brokkr.dsl.RetryPolicy;
import io.brokkr.dsl.SagaTemplate;
import io.brokkr.runtime.Brokkr;
import io.brokkr.runtime.Saga;
import io.brokkr.runtime.SagaCursor;
import io.brokkr.runtime.SagaPage;
import io.brokkr.runtime.SagaQuery;
import io.brokkr.runtime.SagaStatus;
import io.brokkr.runtime.SagaStep;
import io.brokkr.runtime.SagaSummary;
import io.brokkr.runtime.StepOptions;
import io.brokkr.runtime.StepStatus;
import io.brokkr.runtime.Worker;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** Operators find sagas: by status, name, time and waiting worker, newest change first, page by page. */
public interface QueryContract extends ContractFixture {

  private static List<String> ids(SagaPage page) {
    return page.sagas().stream().map(SagaSummary::sagaId).toList();
  }

  /** Every page of a query, in order. */
  private static List<SagaSummary> everyPage(Brokkr brokkr, SagaQuery query) {
    List<SagaSummary> all = new ArrayList<>();
    SagaPage page = brokkr.findSagas(query);
    all.addAll(page.sagas());
    while (page.nextCursor().isPresent()) {
      page = brokkr.findSagas(query.after(page.nextCursor().get()));
      all.addAll(page.sagas());
    }
    return all;
  }

  @Test
  default void sagasAreFoundByNameAndStatusAndCountedByStatus() {
    Brokkr brokkr = node();
    Saga order = brokkr.createSaga("order");
    Saga refund = brokkr.createSaga("refund");
    Saga unnamed = brokkr.createSaga();
    Saga running = brokkr.createSaga("order");
    running.addStep("NobodyHostsThis", List.of());
    running.start();

    assertEquals(Optional.of("order"), order.getName());
    assertEquals(Optional.empty(), unnamed.getName());
    assertEquals(Set.of(order.getId(), running.getId()),
        Set.copyOf(ids(brokkr.findSagas(SagaQuery.all().withName("order")))));
    assertEquals(List.of(refund.getId()), ids(brokkr.findSagas(SagaQuery.all().withName("refund"))));
    assertEquals(Set.of(order.getId(), refund.getId(), unnamed.getId()),
        Set.copyOf(ids(brokkr.findSagas(SagaQuery.all().withStatus(SagaStatus.CREATED)))));
    assertEquals(List.of(running.getId()),
        ids(brokkr.findSagas(SagaQuery.all().withName("order").withStatus(SagaStatus.RUNNING, SagaStatus.FAILED))));
    assertEquals(4, brokkr.findSagas(SagaQuery.all()).sagas().size());

    Map<SagaStatus, Long> counts = brokkr.countSagas();
    assertEquals(3L, counts.get(SagaStatus.CREATED));
    assertEquals(1L, counts.get(SagaStatus.RUNNING));
    assertEquals(0L, counts.get(SagaStatus.FAILED));
    assertEquals(SagaStatus.values().length, counts.size());
  }

  @Test
  default void aTemplateSagaCarriesTheTemplateNameAndMovesBetweenStatuses() {
    Brokkr brokkr = node();
    brokkr.registerWorker(Worker.sync("Stamp", inv -> "stamped"));
    SagaTemplate template = SagaTemplate.named("Stamping").step("stamp").worker("Stamp").build();
    String sagaId = brokkr.start(template, Map.of()).sagaId();
    eventually("the saga finished", () -> brokkr.getSaga(sagaId).orElseThrow().getStatus() == SagaStatus.FINISHED);

    List<SagaSummary> found = brokkr.findSagas(SagaQuery.all().withName("Stamping")).sagas();
    assertEquals(1, found.size());
    SagaSummary summary = found.get(0);
    assertEquals(sagaId, summary.sagaId());
    assertEquals(SagaStatus.FINISHED, summary.status());
    assertFalse(summary.updatedAt().isBefore(summary.createdAt()), summary.toString());
    assertEquals(summary, brokkr.getSaga(sagaId).orElseThrow().getSummary());
    assertEquals(List.of(), brokkr.findSagas(SagaQuery.all().withStatus(SagaStatus.RUNNING)).sagas(),
        "a saga leaves the index of its former status");
    assertEquals(1L, brokkr.countSagas().get(SagaStatus.FINISHED));
    assertEquals(0L, brokkr.countSagas().get(SagaStatus.RUNNING));
  }

  @Test
  default void pagesFollowOneAnotherNewestChangeFirstWithoutGapsOrRepeats() {
    Brokkr brokkr = node();
    List<String> created = new ArrayList<>();
    for (int i = 0; i < 7; i++) {
      created.add(brokkr.createSaga("paged").getId());
    }
    SagaQuery query = SagaQuery.all().withName("paged").limit(3);
    SagaPage first = brokkr.findSagas(query);
    assertEquals(3, first.sagas().size());
    assertTrue(first.nextCursor().isPresent());

    List<SagaSummary> all = everyPage(brokkr, query);
    assertEquals(Set.copyOf(created), all.stream().map(SagaSummary::sagaId).collect(Collectors.toSet()));
    assertEquals(7, all.size(), "no saga is listed twice");
    List<SagaSummary> sorted = new ArrayList<>(all);
    sorted.sort(SagaCursor.ORDER);
    assertEquals(sorted, all, "newest change first, then the greatest id");

    SagaPage last = brokkr.findSagas(query.limit(7));
    assertEquals(Optional.empty(), last.nextCursor(), "a page that holds the rest has no next cursor");
  }

  @Test
  default void timesNarrowTheSearch() {
    Brokkr brokkr = node();
    Saga early = brokkr.createSaga("timed");
    Instant earlyAt = early.getSummary().createdAt();
    List<Saga> later = new ArrayList<>();
    eventually("a saga created a millisecond later", () -> {
      Saga next = brokkr.createSaga("timed");
      later.add(next);
      return next.getSummary().createdAt().isAfter(earlyAt);
    });
    Saga last = later.get(later.size() - 1);
    Instant lastAt = last.getSummary().createdAt();
    SagaQuery timed = SagaQuery.all().withName("timed").limit(1000);

    List<String> createdFirst = ids(brokkr.findSagas(timed.createdBefore(earlyAt.plusMillis(1))));
    assertTrue(createdFirst.contains(early.getId()), createdFirst.toString());
    assertFalse(createdFirst.contains(last.getId()), createdFirst.toString());
    assertFalse(ids(brokkr.findSagas(timed.createdAfter(lastAt))).contains(early.getId()));
    assertTrue(ids(brokkr.findSagas(timed.createdAfter(lastAt))).contains(last.getId()));
    assertTrue(ids(brokkr.findSagas(timed.updatedAfter(lastAt))).contains(last.getId()));
    assertFalse(ids(brokkr.findSagas(timed.updatedBefore(lastAt))).contains(last.getId()));
    assertTrue(ids(brokkr.findSagas(timed.updatedBefore(lastAt))).contains(early.getId()));
  }

  @Test
  default void sagasWaitingOnAWorkerNoNodeHostsAreFound() {
    Brokkr brokkr = node();
    Saga waiting = brokkr.createSaga("stranded");
    waiting.addStep("NoSuchWorker", List.of());
    waiting.start();
    Saga other = brokkr.createSaga("stranded");
    other.addStep("AnotherWorker", List.of());
    other.start();

    assertEquals(List.of(waiting.getId()), ids(brokkr.findSagas(SagaQuery.all().waitingOn("NoSuchWorker"))));
    assertEquals(List.of(), ids(brokkr.findSagas(SagaQuery.all().waitingOn("NoSuchWorker")
        .withStatus(SagaStatus.COMPENSATING))));
    assertEquals(List.of(), ids(brokkr.findSagas(SagaQuery.all().waitingOn("Unused"))));
  }

  @Test
  default void aStepWaitingOutABackoffIsNotWaitingOnItsWorker() {
    Brokkr brokkr = node();
    brokkr.registerWorker(Worker.sync("Flaky", inv -> {
      throw new IllegalStateException("not yet");
    }));
    Saga saga = brokkr.createSaga("backoff");
    SagaStep flaky = saga.addStep("Flaky", List.of(), List.of(), StepOptions.DEFAULTS
        .withRetry(new RetryPolicy(2, Duration.ofHours(1), 2.0, Duration.ofHours(1))));
    saga.start();
    eventually("the first attempt failed and the step waits out its backoff", () -> flaky.getAttempt() == 1
        && flaky.getStatus() == StepStatus.QUEUED);

    assertEquals(List.of(), ids(brokkr.findSagas(SagaQuery.all().waitingOn("Flaky"))));
    assertEquals(List.of(saga.getId()), ids(brokkr.findSagas(SagaQuery.all().withName("backoff"))));
  }

  @Test
  default void badQueriesAreRefusedWithAClearMessage() {
    IllegalArgumentException limit = assertThrows(IllegalArgumentException.class, () -> SagaQuery.all().limit(0));
    assertEquals("a page holds 1 to 1000 sagas, was 0", limit.getMessage());
    IllegalArgumentException cursor = assertThrows(IllegalArgumentException.class,
        () -> SagaQuery.all().after("yesterday"));
    assertEquals("\"yesterday\" is not a cursor of findSagas (SagaPage.nextCursor())", cursor.getMessage());
    Brokkr brokkr = node();
    IllegalArgumentException name = assertThrows(IllegalArgumentException.class, () -> brokkr.createSaga("a{b}"));
    assertTrue(name.getMessage().startsWith("saga name \"a{b}\" is not allowed"), name.getMessage());
  }
}
