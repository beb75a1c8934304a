package io.brokkr.samples.shop;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.context.SpringBootTest;

/** The shop over HTTP: an order placed through the REST endpoint, the actuator's brokkr parts. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
    properties = {"spring.main.banner-mode=off", "logging.level.root=warn", "logging.level.io.brokkr=error"})
class ShopApplicationTest {
  private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

  @Value("${local.server.port}")
  int port;

  @Test
  void anOrderPlacedOverHttpShipsAndTheActuatorShowsIt() throws Exception {
    HttpResponse<String> order = send(HttpRequest.newBuilder(uri("/orders"))
        .header("Content-Type", "application/json")
        .POST(HttpRequest.BodyPublishers.ofString("{\"item\":\"hammer\",\"quantity\":1,\"card\":\"4242\"}")));
    HttpResponse<String> declined = send(HttpRequest.newBuilder(uri("/orders"))
        .header("Content-Type", "application/json")
        .POST(HttpRequest.BodyPublishers.ofString("{\"item\":\"tongs\",\"quantity\":1,\"card\":\"0000\"}")));
    HttpResponse<String> health = send(HttpRequest.newBuilder(uri("/actuator/health/brokkr")).GET());
    HttpResponse<String> brokkr = send(HttpRequest.newBuilder(uri("/actuator/brokkr")).GET());

    assertEquals(200, order.statusCode(), order.body());
    assertTrue(order.body().contains("\"status\":\"FINISHED\"") && order.body().contains("\"parcel\":\"parcel-"),
        order.body());
    assertTrue(declined.body().contains("\"status\":\"COMPENSATED\"")
        && declined.body().contains("charge: IllegalStateException: card 0000 declined"), declined.body());
    assertTrue(health.body().startsWith("{\"details\":{") && health.body().contains("\"store\":\"in-memory\"")
        && health.body().endsWith("\"status\":\"UP\"}"), health.body());
    assertTrue(brokkr.body().contains("\"FINISHED\":1") && brokkr.body().contains("\"COMPENSATED\":1")
        && brokkr.body().contains("\"Order.reserve\""), brokkr.body());
  }

  private URI uri(String path) {
    return URI.create("http://127.0.0.1:" + port + path);
  }

  private HttpResponse<String> send(HttpRequest.Builder request) throws Exception {
    return http.send(request.timeout(Duration.ofSeconds(20)).build(), HttpResponse.BodyHandlers.ofString());
  }
}
