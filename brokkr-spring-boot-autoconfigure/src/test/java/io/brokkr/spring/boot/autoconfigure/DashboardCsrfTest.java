package io.brokkr.spring.boot.autoconfigure;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.brokkr.runtime.Brokkr;
import io.brokkr.runtime.Saga;
import io.brokkr.runtime.SagaStatus;
import io.brokkr.runtime.testing.Eventually;
import java.net.CookieManager;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.context.SpringBootTest;

/**
 * The dashboard's actions with Spring Security's CSRF protection on (Boot's default chain: a login
 * for every request, CSRF on every POST), on a real Tomcat: the page gets Spring Security's token
 * from {@code api/config} and an action that carries it passes; one without it is refused.
 */
@SpringBootTest(classes = TestApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
    properties = {"brokkr.namespace=dashboard-csrf", "brokkr.dashboard.actions-enabled=true",
        "spring.security.user.name=operator", "spring.security.user.password=anvil-and-tongs"})
class DashboardCsrfTest {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final String OPERATOR = "Basic "
      + Base64.getEncoder().encodeToString("operator:anvil-and-tongs".getBytes(StandardCharsets.UTF_8));

  /** One browser: the session that holds Spring Security's token lives in its cookie. */
  private final HttpClient browser = HttpClient.newBuilder().cookieHandler(new CookieManager())
      .followRedirects(HttpClient.Redirect.NEVER).build();

  @Value("${local.server.port}") int port;
  @Autowired Brokkr brokkr;

  private URI uri(String path) {
    return URI.create("http://localhost:" + port + "/brokkr/" + path);
  }

  private JsonNode config() throws Exception {
    HttpResponse<String> response = browser.send(HttpRequest.newBuilder(uri("api/config"))
        .header("Authorization", OPERATOR).build(), HttpResponse.BodyHandlers.ofString());
    assertEquals(200, response.statusCode(), response.body());
    return JSON.readTree(response.body());
  }

  /** A cancel as the page sends it: the dashboard's CSRF header, then the given headers (name, value, ...) set. */
  private HttpResponse<String> cancel(Saga saga, JsonNode config, String... headers) throws Exception {
    HttpRequest.Builder request = HttpRequest.newBuilder(uri("api/sagas/" + saga.getId() + "/cancel"))
        .header("Authorization", OPERATOR)
        .header("Content-Type", "application/json")
        .header("Origin", "http://localhost:" + port)
        .header(config.get("csrfHeader").asText(), config.get("csrfToken").asText())
        .POST(HttpRequest.BodyPublishers.ofString("{\"reason\":\"the furnace is out\"}"));
    for (int i = 0; i < headers.length; i += 2) {
      request.setHeader(headers[i], headers[i + 1]);
    }
    return browser.send(request.build(), HttpResponse.BodyHandlers.ofString());
  }

  /** A saga that stays RUNNING: its step's worker is hosted nowhere. */
  private Saga running() {
    Saga saga = brokkr.createSaga("stuck");
    saga.addStep("NoOneHostsThis", List.of());
    saga.start();
    return saga;
  }

  @Test
  void anActionWithSpringSecuritysTokenCancelsTheSagaAndOneWithoutItIsRefused() throws Exception {
    Saga saga = running();
    JsonNode config = config();
    JsonNode host = config.get("hostCsrf");
    assertTrue(host != null && !host.get("token").asText().isBlank(), "the page gets Spring's token: " + config);
    assertEquals("X-CSRF-TOKEN", host.get("header").asText());

    HttpResponse<String> without = cancel(saga, config);
    // Spring's CSRF filter refuses it before Basic authentication runs, so its error page answers
    // 401 (403 for a form login's session); the dashboard's own refusals are 403 with a message.
    assertTrue(List.of(401, 403).contains(without.statusCode()), without.statusCode() + " " + without.body());
    assertFalse(without.body().contains("X-Brokkr-Csrf"), "refused by Spring Security, not the dashboard");
    assertEquals(SagaStatus.RUNNING, saga.getStatus());

    HttpResponse<String> with = cancel(saga, config, host.get("header").asText(), host.get("token").asText());
    assertEquals(200, with.statusCode(), with.body());
    Eventually.until("the cancelled saga to compensate", () -> saga.getStatus() == SagaStatus.COMPENSATED);
  }

  @Test
  void springSecuritysTokenAloneDoesNotReplaceTheDashboardsOwn() throws Exception {
    Saga saga = running();
    JsonNode config = config();
    JsonNode host = config.get("hostCsrf");

    HttpResponse<String> response = cancel(saga, config, host.get("header").asText(), host.get("token").asText(),
        config.get("csrfHeader").asText(), "not-the-dashboards-token");

    assertEquals(403, response.statusCode(), response.body());
    assertTrue(response.body().contains("X-Brokkr-Csrf"), response.body());
    assertEquals(SagaStatus.RUNNING, saga.getStatus());
  }
}
