package io.brokkr.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.brokkr.runtime.Saga;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** {@code brokkr dashboard}: the dashboard of a namespace on Redis, from the command line. */
class DashboardIT {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
  private static Forge forge;

  @BeforeAll
  static void start() throws Exception {
    forge = new Forge("dashboarded");
  }

  @AfterAll
  static void stop() {
    forge.close();
  }

  private static HttpResponse<String> get(URI url, Map<String, String> headers) throws Exception {
    HttpRequest.Builder request = HttpRequest.newBuilder(url).timeout(Duration.ofSeconds(20));
    headers.forEach(request::header);
    return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
  }

  @Test
  void servesTheNamespacesSagasUntilStopped() throws Exception {
    forge.hammer("ThunderBestowed");
    Saga waiting = forge.waiting();
    try (Cli.Started dashboard = Cli.start(Map.of(), ShowIT.args(forge.connection(), "dashboard", "--port", "0"))) {
      String line = dashboard.await(dashboard.out, l -> l.startsWith("dashboard of namespace \"dashboarded\""), "serving");
      URI url = URI.create(line.replaceAll(".* at (http://\\S+) .*", "$1"));

      assertEquals("127.0.0.1", url.getHost());
      assertTrue(line.endsWith("(read-only); Ctrl-C to stop"), line);
      JsonNode overview = JSON.readTree(get(url.resolve("api/overview"), Map.of()).body());
      assertEquals("dashboarded", overview.get("namespace").asText());
      assertEquals(1, overview.get("counts").get("FINISHED").asInt());
      assertEquals(1, overview.get("counts").get("RUNNING").asInt());
      JsonNode saga = JSON.readTree(get(url.resolve("api/sagas/" + waiting.getId()), Map.of()).body());
      assertEquals("RUNNING", saga.get("status").asText());
      assertEquals(200, get(url, Map.of()).statusCode());
    }
  }

  @Test
  void aTokenComesFromTheEnvironmentAndGuardsThePage() throws Exception {
    String token = "sixteen-or-more-characters";
    try (Cli.Started dashboard = Cli.start(Map.of("BROKKR_DASHBOARD_TOKEN", token),
        ShowIT.args(forge.connection(), "dashboard", "--port", "0", "--json"))) {
      String line = dashboard.await(dashboard.out, l -> l.contains("\"url\""), "serving");
      URI url = URI.create(JSON.readTree(line).get("url").asText());

      assertEquals("token=" + token, url.getQuery());
      URI bare = url.resolve("api/config");
      assertEquals(401, get(bare, Map.of()).statusCode());
      assertEquals(200, get(bare, Map.of("Authorization", "Bearer " + token)).statusCode());
    }
  }

  @Test
  void actionsOnEveryInterfaceWithoutATokenAreRefused() {
    Cli.Run run = Cli.run(ShowIT.args(forge.connection(), "dashboard", "--port", "0", "--bind", "0.0.0.0", "--actions"));

    assertEquals(1, run.exitCode(), run.err());
    assertTrue(run.err().startsWith("brokkr: actions on 0.0.0.0, which other machines reach, need a token"), run.err());
  }
}
