package io.brokkr.dashboard;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.brokkr.dsl.RetryPolicy;
import io.brokkr.runtime.Brokkr;
import io.brokkr.runtime.RedisBackend;
import io.brokkr.runtime.Saga;
import io.brokkr.runtime.SagaStatus;
import io.brokkr.runtime.SagaStep;
import io.brokkr.runtime.StepOptions;
import io.brokkr.runtime.Worker;
import io.brokkr.runtime.redis.testing.RedisServer;
import io.brokkr.runtime.redis.testing.Redissons;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.NoAlertPresentException;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.redisson.api.RedissonClient;

/**
 * The dashboard in a real browser, over a real redis-server, with sagas run by a node of their own
 * (the dashboard's node runs nothing and stays out of the live nodes). One browser for the class.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class DashboardBrowserTest {
  private static final String XSS = "<script>alert(1)</script>";
  private static final Path DOCS = Path.of("..", "docs");

  private final CountDownLatch gate = new CountDownLatch(1);
  private final AtomicBoolean furnaceLit = new AtomicBoolean();
  private RedisServer redis;
  private RedissonClient client;
  private Brokkr forge;
  private Brokkr observer;
  private BrokkrDashboard dashboard;
  private ChromeDriver browser;
  private WebDriverWait wait;

  @BeforeAll
  void start() throws Exception {
    redis = RedisServer.start();
    client = Redissons.of(redis);
    forge = Brokkr.builder().namespace("hammers").nodeId("forge-1").build(RedisBackend.on(client));
    forge.registerWorkers(
        Worker.sync("HammerHeadFactory", inv -> "head of " + inv.args().get(0)),
        Worker.sync("HandleFactory", inv -> "oak handle"),
        Worker.sync("HammerFactory", inv -> {
          if (Boolean.TRUE.equals(inv.args().get(0))) {
            throw new IllegalStateException("the head cracked");
          }
          return "hammer";
        }),
        Worker.sync("HammerHeadDestroyer", inv -> "melted"),
        Worker.sync("Quench", inv -> {
          gate.await();
          return "quenched";
        }),
        Worker.sync("Engraver", inv -> XSS),
        Worker.sync("Cooling", inv -> {
          if (!furnaceLit.get()) {
            throw new IllegalStateException("the furnace is out");
          }
          return "cooled";
        }));
    observer = Brokkr.builder().namespace("hammers").nodeId("dashboard").announced(false).build(RedisBackend.on(client));
    dashboard = BrokkrDashboard.start(observer, DashboardOptions.defaults().withPort(0).withActions(true));
    for (int i = 0; i < 5; i++) {
      await(hammer(i == 2));
    }
    browser = Browser.start();
    wait = new WebDriverWait(browser, Duration.ofSeconds(20));
    // A live update may draw a part of the page anew between finding an element and reading it.
    wait.ignoring(StaleElementReferenceException.class);
  }

  @AfterAll
  void stop() {
    gate.countDown();
    if (browser != null) {
      browser.quit();
    }
    if (dashboard != null) {
      dashboard.close();
    }
    if (observer != null) {
      observer.close();
    }
    if (forge != null) {
      forge.close();
    }
    if (client != null) {
      client.shutdown();
    }
    if (redis != null) {
      redis.close();
    }
  }

  /** The hammer saga: head and handle in parallel, then the hammer; the head is undone if it fails. */
  private Saga hammer(boolean cracks) {
    Saga saga = forge.createSaga("Hammer");
    SagaStep head = saga.addStep("HammerHeadFactory", List.of("steel"));
    head.compensateWith("HammerHeadDestroyer", List.of());
    SagaStep handle = saga.addStep("HandleFactory", List.of());
    saga.addStep("HammerFactory", List.of(cracks), List.of(head.getId(), handle.getId()),
        StepOptions.DEFAULTS.withRetry(RetryPolicy.NO_RETRY));
    saga.start();
    return saga;
  }

  private static SagaStatus await(Saga saga) throws Exception {
    return saga.getOutcome().get(20, TimeUnit.SECONDS).status();
  }

  private void open(String hash) {
    browser.get(dashboard.url() + "#" + hash);
  }

  private WebElement step(String stepId) {
    return browser.findElement(stepAt(stepId));
  }

  private static By stepAt(String stepId) {
    return By.cssSelector("[data-step-id='" + stepId + "']");
  }

  /** Clicks what {@code at} finds, found again if a live update drew it anew before the click. */
  private void click(By at) {
    wait.withMessage(() -> "a click on " + at).until(d -> {
      d.findElement(at).click();
      return true;
    });
  }

  private void waitForStatus(String stepId, String status) {
    wait.withMessage(() -> "step " + stepId + " to show " + status).until(d -> {
      List<WebElement> nodes = d.findElements(By.cssSelector("svg [data-step-id='" + stepId + "']"));
      return !nodes.isEmpty() && status.equals(nodes.get(0).getAttribute("data-status"));
    });
  }

  private void screenshot(String name) throws Exception {
    Files.createDirectories(DOCS);
    // Tall enough for a saga's timeline under its graph.
    browser.manage().window().setSize(new Dimension(1400, 1200));
    try {
      Files.write(DOCS.resolve(name), browser.getScreenshotAs(OutputType.BYTES));
    } finally {
      browser.manage().window().setSize(new Dimension(1400, 900));
    }
  }

  @Test
  void theListShowsTheSagas() throws Exception {
    Saga newest = hammer(false);
    await(newest);

    open("/sagas");

    // The list refreshes itself: a row found once may be replaced before it is read, so each read finds it
    // again (the wait ignores a stale row).
    By row = By.cssSelector("[data-saga-id='" + newest.getId() + "']");
    wait.withMessage(() -> "the newest saga's row to show FINISHED")
        .until(d -> "FINISHED".equals(d.findElement(row).getAttribute("data-status")));
    wait.withMessage(() -> "the list to show at least six sagas")
        .until(d -> d.findElements(By.cssSelector("tr[data-saga-id]")).size() >= 6);

    click(By.cssSelector("input[name=status][value=COMPENSATED]"));
    click(By.cssSelector("#filters button[type=submit]"));
    wait.until(d -> d.findElements(By.cssSelector("tr[data-saga-id]")).stream()
        .allMatch(r -> "COMPENSATED".equals(r.getAttribute("data-status"))));
  }

  @Test
  void aStepsStatusChangesWithoutAReloadWhenItFinishes() throws Exception {
    Saga saga = forge.createSaga("Blade");
    SagaStep quench = saga.addStep("Quench", List.of());
    saga.start();
    open("/saga/" + saga.getId());
    waitForStatus(quench.getId(), "RUNNING");
    browser.executeScript("window.notReloaded = true;");

    gate.countDown();

    waitForStatus(quench.getId(), "FINISHED");
    assertEquals(Boolean.TRUE, browser.executeScript("return window.notReloaded === true;"), "the page was not reloaded");
    wait.until(d -> "FINISHED".equals(d.findElement(By.id("saga-status")).getAttribute("data-status")));
    assertEquals(SagaStatus.FINISHED, await(saga));
  }

  @Test
  void cancelThroughThePageCompensatesTheSaga() throws Exception {
    // The tempering worker is hosted by no node: the saga waits, RUNNING, with its head made.
    Saga saga = forge.createSaga("Hammer");
    SagaStep head = saga.addStep("HammerHeadFactory", List.of("bronze"));
    SagaStep undo = head.compensateWith("HammerHeadDestroyer", List.of());
    SagaStep handle = saga.addStep("HandleFactory", List.of());
    SagaStep temper = saga.addStep("Tempering", List.of(), List.of(head.getId(), handle.getId()));
    saga.start();
    open("/saga/" + saga.getId());
    waitForStatus(head.getId(), "FINISHED");
    waitForStatus(temper.getId(), "QUEUED");

    click(By.cssSelector("[data-action=cancel]"));
    browser.findElement(By.id("confirm-input")).sendKeys("the bronze is too soft");
    click(By.cssSelector("[data-action=confirm]"));

    waitForStatus(head.getId(), "COMPENSATED");
    waitForStatus(undo.getId(), "FINISHED");
    wait.until(d -> "COMPENSATED".equals(d.findElement(By.id("saga-status")).getAttribute("data-status")));
    assertEquals(SagaStatus.COMPENSATED, await(saga));
    assertEquals("the bronze is too soft", saga.getOutcome().get().failure().orElseThrow().reason());
    wait.until(d -> d.findElement(By.id("saga-failure")).getText().contains("the bronze is too soft"));
    assertTrue(browser.findElements(By.cssSelector("[data-action=cancel]")).isEmpty(), "no cancel on a settled saga");
    wait.until(d -> d.findElements(By.cssSelector("#timeline tr[data-kind=ACTION]")).stream()
        .anyMatch(r -> r.getText().contains("cancel") && r.getText().contains("dashboard (127.0.0.1): the bronze is too soft")));
    click(stepAt(undo.getId()));
    wait.until(d -> d.findElement(By.cssSelector("#step-detail .result")).getText().contains("melted"));
  }

  @Test
  void aCompensatedSagaMarksItsFailedStep() throws Exception {
    Saga saga = hammer(true);
    assertEquals(SagaStatus.COMPENSATED, await(saga));
    String hammerStep = saga.getSteps().get(3).getId();

    open("/saga/" + saga.getId());

    waitForStatus(hammerStep, "FAILED");
    wait.until(d -> step(hammerStep).getAttribute("class").contains("failed-at"));
    assertTrue(browser.findElement(By.id("saga-failure")).getText().contains("the head cracked"));
    assertEquals("COMPENSATED", step(saga.getSteps().get(0).getId()).getAttribute("data-status"));
    assertTrue(step(saga.getSteps().get(1).getId()).getAttribute("class").contains("compensator"));
    click(stepAt(hammerStep));
    wait.until(d -> d.findElement(By.cssSelector("#step-detail .failure-reason")).getText().contains("the head cracked"));
    screenshot("dashboard-saga.png");

    WebElement trace = browser.findElement(By.cssSelector("#step-detail details.stack-trace"));
    assertNull(trace.getAttribute("open"), "the stack trace starts collapsed");
    WebElement summary = trace.findElement(By.tagName("summary"));
    assertEquals("java.lang.IllegalStateException: the head cracked", summary.getText());
    summary.click();
    // Found again each time: a live update may draw the detail anew (it stays open).
    String frame = "at " + DashboardBrowserTest.class.getName() + ".lambda$";
    wait.withMessage(() -> "the stack trace to show " + frame).until(d -> d.findElement(
        By.cssSelector("#step-detail details.stack-trace[open] pre")).getText().contains(frame));
  }

  @Test
  void aResultWithMarkupShowsAsText() throws Exception {
    Saga saga = forge.createSaga("Engraving");
    SagaStep engrave = saga.addStep("Engraver", List.of("<img src=x onerror=alert(2)>"));
    saga.start();
    await(saga);

    open("/saga/" + saga.getId());
    waitForStatus(engrave.getId(), "FINISHED");
    click(stepAt(engrave.getId()));

    wait.until(d -> d.findElement(By.cssSelector("#step-detail .result")).getText().contains(XSS));
    // Found again each time: a live update may draw the detail anew.
    wait.withMessage(() -> "the args to show as text").until(d -> d.findElement(By.cssSelector("#step-detail .args"))
        .getText().contains("<img src=x onerror=alert(2)>"));
    assertTrue(browser.findElements(By.cssSelector("#step-detail script, #step-detail img")).isEmpty());
    assertThrows(NoAlertPresentException.class, () -> browser.switchTo().alert());
  }

  @Test
  void theOverviewShowsCountsNodesReadyQueuesAndStrandedWork() throws Exception {
    Saga stranded = forge.createSaga("Blade");
    stranded.addStep("Tempering", List.of());
    stranded.start();
    // Other tests may have left Tempering steps waiting too: the row shows them all.
    long waiting = observer.readyQueues().stream().filter(q -> q.worker().equals("Tempering")).findFirst()
        .orElseThrow().depth();

    open("/");

    wait.until(d -> !d.findElements(By.cssSelector("#nodes [data-node-id='forge-1']")).isEmpty());
    wait.until(d -> !d.findElements(By.cssSelector("#stranded")).isEmpty());
    String queue = "#ready-queues tr[data-worker='Tempering']";
    wait.until(d -> d.findElement(By.cssSelector(queue + " .depth")).getText().equals(String.valueOf(waiting)));
    wait.until(d -> d.findElement(By.cssSelector(queue + " .age")).getText().matches("\\d+( ms|s|m \\d+s|h \\d+m)"));
    assertTrue(browser.findElements(By.cssSelector("#nodes [data-node-id='dashboard']")).isEmpty(),
        "the dashboard's own node does not announce itself");
    long compensated = observer.countSagas().get(SagaStatus.COMPENSATED);
    wait.until(d -> d.findElement(By.cssSelector("[data-count=COMPENSATED] .n")).getText().equals(String.valueOf(compensated)));
    screenshot("dashboard-overview.png");
  }

  @Test
  void aStuckStepIsResolvedFromThePageWithANote() throws Exception {
    Saga saga = forge.createSaga("Blade");
    SagaStep temper = saga.addStep("Tempering", List.of());
    saga.start();
    open("/saga/" + saga.getId());
    waitForStatus(temper.getId(), "QUEUED");
    click(stepAt(temper.getId()));

    wait.until(d -> !d.findElements(By.cssSelector("#step-detail [data-action=resolve]")).isEmpty());
    click(By.cssSelector("#step-detail [data-action=resolve]"));
    browser.findElement(By.id("confirm-input")).sendKeys("tempered in the old forge");
    click(By.cssSelector("[data-action=confirm]"));

    waitForStatus(temper.getId(), "FINISHED");
    assertEquals(SagaStatus.FINISHED, await(saga));
    wait.until(d -> d.findElements(By.cssSelector("#timeline tr[data-kind=ACTION]")).stream()
        .anyMatch(r -> r.getText().contains("resolve") && r.getText().contains("tempered in the old forge")));
  }

  @Test
  void aFailedSagaIsRetriedFromThePage() throws Exception {
    Saga saga = forge.createSaga("Cast");
    SagaStep pour = saga.addStep("HandleFactory", List.of());
    SagaStep cool = pour.compensateWith("Cooling", List.of(), StepOptions.DEFAULTS.withRetry(RetryPolicy.NO_RETRY));
    saga.addStep("HammerFactory", List.of(true), List.of(pour.getId()), StepOptions.DEFAULTS.withRetry(RetryPolicy.NO_RETRY));
    saga.start();
    assertEquals(SagaStatus.FAILED, await(saga));
    open("/saga/" + saga.getId());
    waitForStatus(cool.getId(), "FAILED");
    furnaceLit.set(true);

    click(By.cssSelector("[data-action=retry]"));
    click(By.cssSelector("[data-action=confirm]"));

    waitForStatus(cool.getId(), "FINISHED");
    wait.until(d -> "COMPENSATED".equals(d.findElement(By.id("saga-status")).getAttribute("data-status")));
    assertEquals(SagaStatus.COMPENSATED, observer.getSaga(saga.getId()).orElseThrow().getStatus());
  }

  @Test
  void anActionWithoutTheTokenIsRefused() throws Exception {
    Saga saga = forge.createSaga("Blade");
    saga.addStep("Tempering", List.of());
    saga.start();

    HttpResponse<String> refused = Http.post(dashboard.url(), "api/sagas/" + saga.getId() + "/cancel",
        "{\"reason\":\"forged\"}", Map.of());

    assertEquals(403, refused.statusCode(), refused.body());
    assertEquals(SagaStatus.RUNNING, saga.getStatus());
  }
}
