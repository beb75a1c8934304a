package io.brokkr.dashboard;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.brokkr.dsl.RetryPolicy;
import io.brokkr.runtime.Brokkr;
import io.brokkr.runtime.Saga;
import io.brokkr.runtime.SagaStatus;
import io.brokkr.runtime.SagaStep;
import io.brokkr.runtime.StepOptions;
import io.brokkr.runtime.Worker;
import io.brokkr.runtime.testing.Eventually;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.net.HttpURLConnection;
import java.net.URI;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The dashboard over HTTP, on an in-memory node: its API, its events, and every guard. */
class DashboardHttpTest {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final String TOKEN = "a-token-of-twenty-chars";

  private Brokkr brokkr;
  private BrokkrDashboard dashboard;

  @BeforeEach
  void node() {
    brokkr = Brokkr.inMemory("forge");
    brokkr.registerWorker(Worker.sync("Forge", inv -> "forged " + inv.args().get(0)));
  }

  @AfterEach
  void close() {
    if (dashboard != null) {
      dashboard.close();
    }
    brokkr.close();
  }

  private BrokkrDashboard start(DashboardOptions options) {
    dashboard = BrokkrDashboard.start(brokkr, options.withPort(0));
    return dashboard;
  }

  /** A saga that stays RUNNING: its second step's worker is hosted nowhere. */
  private Saga running() throws Exception {
    Saga saga = brokkr.createSaga("blade");
    SagaStep forge = saga.addStep("Forge", List.of(1));
    saga.addStep("Tempering", List.of(), List.of(forge.getId()));
    saga.start();
    Eventually.until("the forge step finished", () -> forge.getStatus() == io.brokkr.runtime.StepStatus.FINISHED);
    return saga;
  }

  private JsonNode json(HttpResponse<String> response) throws Exception {
    return JSON.readTree(response.body());
  }

  private Map<String, String> csrf(URI url) throws Exception {
    JsonNode config = json(Http.get(url, "api/config"));
    return Map.of(config.get("csrfHeader").asText(), config.get("csrfToken").asText(),
        "Origin", "http://" + url.getHost() + ":" + url.getPort());
  }

  @Test
  void servesThePageOnLoopbackWithHeadersThatKeepOtherScriptsOut() throws Exception {
    URI url = start(DashboardOptions.defaults()).url();

    HttpResponse<String> page = Http.get(url, "");
    HttpResponse<String> script = Http.get(url, "js/graph.js");

    assertEquals("127.0.0.1", url.getHost());
    assertEquals(200, page.statusCode());
    assertTrue(page.body().contains("js/main.js"), page.body());
    String csp = page.headers().firstValue("Content-Security-Policy").orElse("");
    assertTrue(csp.contains("script-src 'self'") && csp.contains("frame-ancestors 'none'"), csp);
    assertEquals("nosniff", page.headers().firstValue("X-Content-Type-Options").orElse(""));
    assertEquals(200, script.statusCode());
    assertTrue(script.headers().firstValue("Content-Type").orElse("").startsWith("text/javascript"));
    assertEquals(404, Http.get(url, "io/brokkr/dashboard/internal/Guard.class").statusCode());
    assertEquals(404, Http.get(url, "js/%2E%2E/%2E%2E/assets/index.html").statusCode());
  }

  @Test
  void aRequestAddressedToAnotherHostNameIsRefused() throws Exception {
    URI url = start(DashboardOptions.defaults()).url();

    String rebound = Http.raw(url, "GET /api/overview HTTP/1.1\r\nHost: attacker.example:" + url.getPort()
        + "\r\nConnection: close\r\n\r\n");
    String local = Http.raw(url, "GET /api/overview HTTP/1.1\r\nHost: localhost:" + url.getPort()
        + "\r\nConnection: close\r\n\r\n");

    assertTrue(rebound.startsWith("HTTP/1.1 403"), rebound);
    assertTrue(local.startsWith("HTTP/1.1 200"), local);
  }

  @Test
  void theApiShowsSagasAndTheirSteps() throws Exception {
    URI url = start(DashboardOptions.defaults()).url();
    Instant before = Instant.now().truncatedTo(ChronoUnit.MILLIS);
    Saga saga = running();

    JsonNode list = json(Http.get(url, "api/sagas?status=RUNNING&name=blade"));
    JsonNode byId = json(Http.get(url, "api/sagas?id=" + saga.getId()));
    JsonNode detail = json(Http.get(url, "api/sagas/" + saga.getId()));
    String forge = detail.get("steps").get(0).get("id").asText();
    JsonNode step = json(Http.get(url, "api/sagas/" + saga.getId() + "/steps/" + forge));
    JsonNode overview = json(Http.get(url, "api/overview"));

    assertEquals(saga.getId(), list.get("sagas").get(0).get("sagaId").asText());
    assertEquals(1, byId.get("sagas").size());
    assertEquals("RUNNING", detail.get("status").asText());
    assertEquals("FINISHED", detail.get("steps").get(0).get("status").asText());
    assertEquals("QUEUED", detail.get("steps").get(1).get("status").asText());
    assertEquals(List.of(forge), List.of(detail.get("steps").get(1).get("dependsOn").get(0).asText()));
    assertEquals("[]", detail.get("actions").toString(), "read-only: no action is offered");
    assertEquals("forged 1", step.get("result").asText());
    assertEquals("[1]", step.get("args").toString());
    assertEquals(1, overview.get("counts").get("RUNNING").asInt());
    assertEquals("Tempering", overview.get("stranded").get(0).get("worker").asText());
    JsonNode queue = overview.get("readyQueues").get(0);
    assertEquals(1, overview.get("readyQueues").size(), overview.toString());
    assertEquals("Tempering", queue.get("worker").asText());
    assertEquals(1, queue.get("depth").asLong());
    Instant oldest = Instant.parse(queue.get("oldestReadyAt").asText());
    Instant at = Instant.parse(overview.get("at").asText());
    assertFalse(oldest.isBefore(before) || oldest.isAfter(at), oldest + " not between " + before + " and " + at);
    assertEquals(Duration.between(oldest, at).toMillis(), queue.get("oldestAgeMillis").asLong());
    assertEquals(60, overview.get("activity").size());
    assertEquals(404, Http.get(url, "api/sagas/no-such-saga").statusCode());
    assertEquals(400, Http.get(url, "api/sagas?status=DONE").statusCode());
    assertEquals(400, Http.get(url, "api/sagas?cursor=nonsense").statusCode());
  }

  @Test
  void aFailedStepsDetailHasItsStackTrace() throws Exception {
    brokkr.registerWorker(Worker.sync("Anvil", inv -> {
      throw new IllegalStateException("the anvil split", new ArithmeticException("<b>too hard</b>"));
    }));
    URI url = start(DashboardOptions.defaults()).url();
    Saga saga = brokkr.createSaga("split");
    SagaStep anvil = saga.addStep("Anvil", List.of(), List.of(), StepOptions.DEFAULTS.withRetry(RetryPolicy.NO_RETRY));
    saga.start();
    assertEquals(SagaStatus.COMPENSATED, saga.getOutcome().get(20, TimeUnit.SECONDS).status());

    JsonNode detail = json(Http.get(url, "api/sagas/" + saga.getId()));
    JsonNode step = json(Http.get(url, "api/sagas/" + saga.getId() + "/steps/" + anvil.getId()));

    String trace = step.get("failureDetail").asText();
    assertTrue(trace.startsWith("java.lang.IllegalStateException: the anvil split\n\tat "), trace);
    assertTrue(trace.contains("\tat " + DashboardHttpTest.class.getName() + ".lambda$"), trace);
    assertTrue(trace.contains("\nCaused by: java.lang.ArithmeticException: <b>too hard</b>"), trace);
    assertFalse(detail.get("steps").get(0).has("failureDetail"), "the graph's steps go without it");
  }

  @Test
  void aReadOnlyDashboardRefusesActions() throws Exception {
    URI url = start(DashboardOptions.defaults()).url();
    Saga saga = running();

    HttpResponse<String> refused = Http.post(url, "api/sagas/" + saga.getId() + "/cancel", "{\"reason\":\"no\"}", csrf(url));

    assertEquals(403, refused.statusCode(), refused.body());
    assertEquals(SagaStatus.RUNNING, saga.getStatus());
  }

  @Test
  void anActionWithoutTheCsrfTokenOrFromAnotherOriginIsRefusedAndChangesNothing() throws Exception {
    URI url = start(DashboardOptions.defaults().withActions(true)).url();
    Saga saga = running();
    String cancel = "api/sagas/" + saga.getId() + "/cancel";
    Map<String, String> headers = csrf(url);
    String header = headers.keySet().stream().filter(h -> !h.equals("Origin")).findFirst().orElseThrow();

    HttpResponse<String> noToken = Http.post(url, cancel, "{\"reason\":\"no\"}", Map.of());
    HttpResponse<String> wrongToken = Http.post(url, cancel, "{\"reason\":\"no\"}", Map.of(header, "guessed"));
    HttpResponse<String> otherOrigin = Http.post(url, cancel, "{\"reason\":\"no\"}",
        Map.of(header, headers.get(header), "Origin", "http://attacker.example"));
    HttpResponse<String> noReason = Http.post(url, cancel, "{}", headers);
    assertEquals(SagaStatus.RUNNING, saga.getStatus());
    HttpResponse<String> cancelled = Http.post(url, cancel, "{\"reason\":\"the ore was bad\"}", headers);
    HttpResponse<String> again = Http.post(url, cancel, "{\"reason\":\"twice\"}", headers);

    assertEquals(403, noToken.statusCode(), noToken.body());
    assertEquals(403, wrongToken.statusCode(), wrongToken.body());
    assertEquals(403, otherOrigin.statusCode(), otherOrigin.body());
    assertEquals(400, noReason.statusCode(), noReason.body());
    assertEquals(200, cancelled.statusCode(), cancelled.body());
    assertEquals(409, again.statusCode(), again.body());
    assertEquals(SagaStatus.COMPENSATED, saga.getOutcome().get(20, TimeUnit.SECONDS).status());
    assertEquals("the ore was bad", saga.getOutcome().get().failure().orElseThrow().reason());
  }

  @Test
  void retryAndResolveAnswerWhatTheSagaAllowsAndTheHistoryNamesTheAuthor() throws Exception {
    URI url = start(DashboardOptions.defaults().withActions(true)).url();
    Saga saga = running();
    String tempering = saga.getSteps().get(1).getId();
    Map<String, String> headers = csrf(url);

    HttpResponse<String> retry = Http.post(url, "api/sagas/" + saga.getId() + "/retry", "{}", headers);
    HttpResponse<String> noNote = Http.post(url, "api/sagas/" + saga.getId() + "/resolve",
        "{\"stepId\":\"" + tempering + "\"}", headers);
    JsonNode offered = json(Http.get(url, "api/sagas/" + saga.getId() + "/steps/" + tempering));
    HttpResponse<String> resolved = Http.post(url, "api/sagas/" + saga.getId() + "/resolve",
        "{\"stepId\":\"" + tempering + "\",\"note\":\"tempered by hand\"}", headers);
    HttpResponse<String> unknown = Http.post(url, "api/sagas/" + saga.getId() + "/polish", "{}", headers);

    assertEquals(409, retry.statusCode(), retry.body());
    assertEquals(400, noNote.statusCode(), noNote.body());
    assertEquals("[\"resolve\"]", offered.get("actions").toString());
    assertEquals(200, resolved.statusCode(), resolved.body());
    assertEquals(404, unknown.statusCode(), unknown.body());
    assertEquals(SagaStatus.FINISHED, saga.getOutcome().get(20, TimeUnit.SECONDS).status());
    JsonNode history = json(Http.get(url, "api/sagas/" + saga.getId())).get("history");
    JsonNode action = history.findValues("action").get(0);
    assertEquals("RESOLVE", action.get("kind").asText());
    assertEquals("dashboard (127.0.0.1)", action.get("author").asText());
    assertEquals("tempered by hand", action.get("note").asText());
  }

  @Test
  void aTokenGuardsEveryRequestAndMovesToAnHttpOnlyCookie() throws Exception {
    URI url = start(DashboardOptions.defaults().withToken(TOKEN)).url();

    HttpResponse<String> without = Http.get(url, "api/config");
    HttpResponse<String> wrong = Http.get(url, "api/config", Map.of("Authorization", "Bearer not-the-token-at-all"));
    HttpResponse<String> bearer = Http.get(url, "api/config", Map.of("Authorization", "Bearer " + TOKEN));
    HttpResponse<String> opened = Http.get(url, "?token=" + TOKEN);
    String cookie = opened.headers().firstValue("Set-Cookie").orElse("");
    HttpResponse<String> withCookie = Http.get(url, "api/config", Map.of("Cookie", cookie.split(";")[0]));

    assertEquals(401, without.statusCode());
    assertEquals(401, Http.get(url, "").statusCode());
    assertEquals(401, wrong.statusCode());
    assertEquals(200, bearer.statusCode());
    assertEquals(303, opened.statusCode());
    assertTrue(cookie.contains("HttpOnly") && cookie.contains("SameSite=Strict"), cookie);
    assertEquals(200, withCookie.statusCode());
  }

  @Test
  void pagesGetTheNodesTransitionsAsServerSentEvents() throws Exception {
    URI url = start(DashboardOptions.defaults()).url();
    HttpURLConnection events = (HttpURLConnection) url.resolve("api/events").toURL().openConnection();
    events.setReadTimeout(20_000);
    try (BufferedReader lines = new BufferedReader(new InputStreamReader(events.getInputStream(), StandardCharsets.UTF_8))) {
      assertTrue(events.getContentType().startsWith("text/event-stream"));
      assertEquals("retry: 2000", lines.readLine());
      Saga saga = brokkr.createSaga();
      saga.addStep("Forge", List.of(2));
      saga.start();

      Instant deadline = Instant.now().plus(Duration.ofSeconds(20));
      boolean seen = false;
      String event = "";
      while (!seen && Instant.now().isBefore(deadline)) {
        String line = lines.readLine();
        if (line == null) {
          break;
        }
        if (line.startsWith("event: ")) {
          event = line.substring(7);
        } else if (line.startsWith("data: ") && event.equals("transitions")) {
          for (JsonNode t : JSON.readTree(line.substring(6)).get("transitions")) {
            seen |= t.get("sagaId").asText().equals(saga.getId()) && t.get("stepId").isNull()
                && t.get("to").asText().equals("FINISHED");
          }
        }
      }
      assertTrue(seen, "the saga's FINISHED transition reached the page");
    } finally {
      events.disconnect();
    }
  }

  @Test
  void optionsQuoteWhatIsWrong() {
    assertThrows(IllegalArgumentException.class, () -> DashboardOptions.defaults().withToken("short"));
    assertThrows(IllegalArgumentException.class, () -> DashboardOptions.defaults().withToken("has a space in the token"));
    assertThrows(IllegalArgumentException.class, () -> DashboardOptions.defaults().withPort(70_000));
    IllegalArgumentException open = assertThrows(IllegalArgumentException.class,
        () -> start(DashboardOptions.defaults().withHost("0.0.0.0").withActions(true)));
    assertTrue(open.getMessage().contains("need a token"), open.getMessage());
    assertFalse(DashboardOptions.defaults().actionsEnabled());
    assertEquals("127.0.0.1", DashboardOptions.defaults().host());
  }
}
