package io.brokkr.spring.boot.autoconfigure;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.brokkr.runtime.Brokkr;
import io.brokkr.runtime.Saga;
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
 * The dashboard at /brokkr on the application's own server (a real Tomcat on a free port), behind
 * Spring Security's default: every request needs an authenticated user.
 */
@SpringBootTest(classes = TestApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
    properties = {"brokkr.namespace=dashboard", "spring.security.user.name=operator",
        "spring.security.user.password=anvil-and-tongs"})
class DashboardContextTest {
  private static final HttpClient HTTP = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();
  private static final String OPERATOR = "Basic "
      + Base64.getEncoder().encodeToString("operator:anvil-and-tongs".getBytes(StandardCharsets.UTF_8));

  @Value("${local.server.port}") int port;
  @Autowired Brokkr brokkr;

  private HttpResponse<String> get(String path, String... headers) throws Exception {
    HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path));
    if (headers.length > 0) {
      request.headers(headers);
    }
    return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
  }

  @Test
  void servesThePageAndItsApiToAnAuthenticatedUser() throws Exception {
    Saga saga = brokkr.createSaga("stranded");
    saga.addStep("NoOneHostsThis", List.of());
    saga.start();

    HttpResponse<String> page = get("/brokkr/", "Authorization", OPERATOR);
    HttpResponse<String> script = get("/brokkr/js/main.js", "Authorization", OPERATOR);
    HttpResponse<String> overview = get("/brokkr/api/overview", "Authorization", OPERATOR);
    HttpResponse<String> detail = get("/brokkr/api/sagas/" + saga.getId(), "Authorization", OPERATOR);
    HttpResponse<String> bare = get("/brokkr", "Authorization", OPERATOR);

    assertEquals(200, page.statusCode(), page.body());
    assertTrue(page.body().contains("js/main.js"), page.body());
    assertTrue(page.headers().firstValue("Content-Security-Policy").orElse("").contains("script-src 'self'"));
    assertEquals(200, script.statusCode());
    assertEquals(200, overview.statusCode(), overview.body());
    JsonNode json = new ObjectMapper().readTree(overview.body());
    assertEquals("dashboard", json.get("namespace").asText());
    assertEquals("NoOneHostsThis", json.get("readyQueues").get(0).get("worker").asText(), json.toString());
    assertEquals(1, json.get("counts").get("RUNNING").asInt());
    assertEquals("QUEUED", new ObjectMapper().readTree(detail.body()).get("steps").get(0).get("status").asText());
    assertEquals(302, bare.statusCode());
    assertTrue(bare.headers().firstValue("Location").orElse("").endsWith("/brokkr/"), bare.headers().toString());
    assertEquals(404, get("/brokkr/api/sagas/no-such-saga", "Authorization", OPERATOR).statusCode());
  }

  @Test
  void refusesAnAnonymousRequest() throws Exception {
    HttpResponse<String> page = get("/brokkr/");
    HttpResponse<String> overview = get("/brokkr/api/overview", "Accept", "application/json");

    // Boot's default chain sends a browser to its login page and answers anything else 401.
    assertTrue(List.of(302, 401).contains(page.statusCode()), page.statusCode() + " " + page.body());
    assertEquals(401, overview.statusCode(), overview.body());
    assertFalse(page.body().contains("js/main.js"));
  }
}
