package io.brokkr.dashboard;

import io.brokkr.runtime.Brokkr;
import io.brokkr.runtime.RedisBackend;
import io.brokkr.runtime.Saga;
import io.brokkr.runtime.SagaQuery;
import io.brokkr.runtime.SagaStatus;
import io.brokkr.runtime.SagaStep;
import io.brokkr.runtime.Worker;
import io.brokkr.runtime.redis.testing.RedisServer;
import io.brokkr.runtime.redis.testing.Redissons;
import java.net.URI;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.openqa.selenium.chrome.ChromeDriver;
import org.redisson.api.RedissonClient;

/**
 * Figures of the dashboard at scale, on a redis-server of its own: a saga of 1,000 steps (its JSON
 * and its graph in chromium) and a list over 100,000 sagas. Not a test: it prints what it measured.
 * {@code mvn -q -pl brokkr-dashboard -am test-compile exec:java}
 */
public final class DashboardFigures {
  private static final int STEPS = 1000;
  private static final int WIDTH = 25;
  private static final int SAGAS = 100_000;
  /** Steps left ready in the queues of workers no node hosts, for the overview's ready queues. */
  private static final int QUEUED = 10_000;
  private static final int QUEUES = 10;

  private DashboardFigures() {}

  /**
   * Runs the measures.
   *
   * @param args none
   * @throws Exception when a measure fails
   */
  public static void main(String[] args) throws Exception {
    try (RedisServer redis = RedisServer.start()) {
      RedissonClient client = Redissons.of(redis);
      try (Brokkr node = Brokkr.builder().namespace("figures").nodeId("figures-1").concurrency(16)
              .build(RedisBackend.on(client));
          Brokkr observer = Brokkr.builder().namespace("figures").announced(false).build(RedisBackend.on(client));
          BrokkrDashboard dashboard = BrokkrDashboard.start(observer, 0)) {
        node.registerWorkers(Worker.sync("Step", inv -> "done " + inv.stepId()), Worker.sync("Undo", inv -> "undone"));
        ChromeDriver browser = Browser.start();
        try {
          bigSaga(node, observer, dashboard.url(), browser);
          manySagas(node, observer, dashboard.url(), browser);
        } finally {
          browser.quit();
        }
      } finally {
        client.shutdown();
      }
    }
  }

  private static void bigSaga(Brokkr node, Brokkr observer, URI url, ChromeDriver browser) throws Exception {
    Saga saga = node.createSaga("Wide");
    List<SagaStep> steps = new ArrayList<>();
    for (int i = 0; i < STEPS; i++) {
      int level = i / WIDTH;
      List<String> dependsOn = level == 0 ? List.of()
          : List.of(steps.get(i - WIDTH).getId(), steps.get((level - 1) * WIDTH + (i + 1) % WIDTH).getId());
      SagaStep step = saga.addStep("Step", List.of(i), dependsOn);
      if (i % 5 == 0) {
        step.compensateWith("Undo", List.of());
      }
      steps.add(step);
    }
    long started = System.nanoTime();
    saga.start();
    SagaStatus status = saga.getOutcome().get(10, TimeUnit.MINUTES).status();
    System.out.printf("saga of %d steps (+%d compensators, %d levels of %d): %s in %d ms%n", STEPS, STEPS / 5,
        STEPS / WIDTH, WIDTH, status, millis(started));

    Saga seen = observer.getSaga(saga.getId()).orElseThrow();
    int sampled = 20;
    started = System.nanoTime();
    for (SagaStep step : seen.getSteps().subList(0, sampled)) {
      step.getWorkerName();
      step.getStatus();
      step.getDependsOn();
      step.getAttempt();
      step.getFailureReason();
      step.getCompensator();
    }
    System.out.printf("  its steps through SagaStep getters: %d ms for %d steps (about %d s for all %d)%n",
        millis(started), sampled, millis(started) * (STEPS + STEPS / 5) / sampled / 1000, STEPS + STEPS / 5);
    System.out.printf("  Saga.getStepSummaries(), one read: median %d ms%n", median(() -> seen.getStepSummaries()));
    HttpResponse<String> detail = Http.get(url, "api/sagas/" + saga.getId());
    System.out.printf("  GET api/sagas/ID: %d KB, median %d ms%n", detail.body().length() / 1024,
        median(() -> Http.get(url, "api/sagas/" + saga.getId())));
    browser.get(url.toString());
    for (int run = 1; run <= 3; run++) {
      Object drawn = navigate(browser, "#/saga/" + saga.getId(), "svg [data-step-id]", STEPS + STEPS / 5);
      System.out.printf("  graph in chromium, from the route's change to %d nodes drawn: %s ms (run %d)%n",
          STEPS + STEPS / 5, drawn, run);
      navigate(browser, "#/", "#counts", 1);
    }
    Object script = browser.executeScript("const t = performance.now();"
        + " document.querySelectorAll('svg [data-step-id]').forEach(g => g.setAttribute('data-status', 'RUNNING'));"
        + " document.body.getBoundingClientRect(); return Math.round(performance.now() - t);");
    System.out.printf("  moving all %d nodes' statuses in place: %s ms%n", STEPS + STEPS / 5, script);
  }

  private static void manySagas(Brokkr node, Brokkr observer, URI url, ChromeDriver browser) throws Exception {
    long started = System.nanoTime();
    ExecutorService pool = Executors.newFixedThreadPool(16);
    List<Future<?>> created = new ArrayList<>();
    int each = SAGAS / 16;
    for (int t = 0; t < 16; t++) {
      created.add(pool.submit(() -> {
        for (int i = 0; i < each; i++) {
          node.createSaga("bulk-" + (i % 10));
        }
        return null;
      }));
    }
    for (Future<?> f : created) {
      f.get();
    }
    pool.shutdown();
    System.out.printf("%d sagas created in %d s%n", observer.countSagas().values().stream().mapToLong(Long::longValue).sum(),
        millis(started) / 1000);
    System.out.printf("  GET api/sagas (first page of 50): median %d ms%n", median(() -> Http.get(url, "api/sagas")));
    System.out.printf("  GET api/sagas?limit=1000: median %d ms%n", median(() -> Http.get(url, "api/sagas?limit=1000")));
    System.out.printf("  GET api/sagas?status=CREATED: median %d ms%n", median(() -> Http.get(url, "api/sagas?status=CREATED")));
    System.out.printf("  GET api/sagas?name=bulk-3: median %d ms%n", median(() -> Http.get(url, "api/sagas?name=bulk-3")));
    System.out.printf("  GET api/sagas?status=FINISHED (none among the newest 100,000): median %d ms%n",
        median(() -> Http.get(url, "api/sagas?status=FINISHED")));
    System.out.printf("  GET api/overview (counts, nodes, ready queues, stranded): median %d ms%n",
        median(() -> Http.get(url, "api/overview")));
    SagaQuery hour = SagaQuery.all().updatedAfter(java.time.Instant.now().minus(Duration.ofHours(1))).limit(1000);
    started = System.nanoTime();
    Optional<String> cursor = Optional.empty();
    for (int page = 0; page < 10; page++) {
      cursor = observer.findSagas(cursor.map(hour::after).orElse(hour)).nextCursor();
    }
    System.out.printf("  the chart's first count at start (10 pages of 1,000): %d ms%n", millis(started));
    browser.get(url.toString());
    for (int run = 1; run <= 3; run++) {
      Object shown = navigate(browser, "#/sagas", "tr[data-saga-id]", 50);
      System.out.printf("  list in chromium, from the route's change to 50 rows: %s ms (run %d)%n", shown, run);
      navigate(browser, "#/", "#counts", 1);
    }
    navigate(browser, "#/sagas", "tr[data-saga-id]", 50);
    long[] pages = new long[20];
    for (int i = 0; i < pages.length; i++) {
      pages[i] = ((Number) browser.executeAsyncScript("const done = arguments[0];"
          + " const first = document.querySelector('tr[data-saga-id]').dataset.sagaId; const t = performance.now();"
          + " document.querySelector('[data-action=older]').click();"
          + " (function check() { const row = document.querySelector('tr[data-saga-id]');"
          + "   if (row && row.dataset.sagaId !== first) done(Math.round(performance.now() - t));"
          + "   else setTimeout(check, 5); })();")).longValue();
    }
    Arrays.sort(pages);
    System.out.printf("  next page (Older) in chromium: median %d ms, slowest %d ms of %d%n", pages[pages.length / 2],
        pages[pages.length - 1], pages.length);
    queueStranded(node);
    System.out.printf("  GET api/overview, %d steps ready for %d workers no node hosts: median %d ms%n", QUEUED,
        QUEUES, median(() -> Http.get(url, "api/overview")));
  }

  /** Starts {@value #QUEUED} sagas of one step each, spread over {@value #QUEUES} workers that no node hosts. */
  private static void queueStranded(Brokkr node) throws Exception {
    ExecutorService pool = Executors.newFixedThreadPool(16);
    List<Future<?>> started = new ArrayList<>();
    for (int t = 0; t < 16; t++) {
      int first = t;
      started.add(pool.submit(() -> {
        for (int i = first; i < QUEUED; i += 16) {
          Saga saga = node.createSaga("stranded");
          saga.addStep("Unhosted" + (i % QUEUES), List.of(i));
          saga.start();
        }
        return null;
      }));
    }
    for (Future<?> f : started) {
      f.get();
    }
    pool.shutdown();
  }

  /** Changes the page's route and returns the milliseconds until {@code count} elements match, as the page measures them. */
  private static Object navigate(ChromeDriver browser, String hash, String selector, int count) {
    return browser.executeAsyncScript("const [hash, selector, count, done] = arguments; const t = performance.now();"
        + " location.hash = hash;"
        + " (function check() { const n = document.querySelectorAll(selector).length;"
        + "   if (n >= count) done(Math.round(performance.now() - t));"
        + "   else if (performance.now() - t > 15000) done('no: ' + n + ' of ' + count + ': ' + document.body.innerText.slice(0, 200));"
        + "   else setTimeout(check, 5); })();", hash, selector, count);
  }

  /** A call measured. */
  private interface Call {
    Object run() throws Exception;
  }

  private static long median(Call call) throws Exception {
    call.run();
    long[] times = new long[7];
    for (int i = 0; i < times.length; i++) {
      long started = System.nanoTime();
      call.run();
      times[i] = millis(started);
    }
    Arrays.sort(times);
    return times[times.length / 2];
  }

  private static long millis(long startedNanos) {
    return TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - startedNanos);
  }
}
