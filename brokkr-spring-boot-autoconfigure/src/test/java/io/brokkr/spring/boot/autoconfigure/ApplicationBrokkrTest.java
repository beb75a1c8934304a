package io.brokkr.spring.boot.autoconfigure;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.brokkr.runtime.Brokkr;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.boot.health.contributor.Status;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * An application's own {@code Brokkr} bean replaces the auto-configured node: the saga and worker
 * beans run on it, and the health and endpoint describe it.
 */
class ApplicationBrokkrTest {
  @Configuration(proxyBeanMethods = false)
  static class OwnNode {
    @Bean
    Brokkr ownNode() {
      return Brokkr.builder().namespace("own").nodeId("own-node").inMemory();
    }
  }

  @Test
  void theApplicationsBrokkrBeanIsTheOnlyNodeAndRunsTheSagaBeans() throws Exception {
    try (ConfigurableApplicationContext context = new SpringApplicationBuilder(TestApplication.class, OwnNode.class)
        .web(WebApplicationType.NONE)
        .properties("brokkr.namespace=ignored", "brokkr.node-id=ignored")
        .run()) {
      Brokkr own = context.getBean("ownNode", Brokkr.class);

      assertEquals(List.of("ownNode"), List.of(context.getBeanNamesForType(Brokkr.class)));
      // The saga bean's worker was registered on the application's node: only there can the saga finish.
      String reservation = ReserveSagaLauncher.start(own, "fig").result().get(10, TimeUnit.SECONDS);
      assertTrue(reservation.endsWith("-of-fig"), reservation);
      Health health = context.getBean("brokkrHealthIndicator", HealthIndicator.class).health(true);
      assertEquals(Status.UP, health.getStatus(), health.toString());
      assertEquals("own-node", health.getDetails().get("nodeId"));
      assertEquals("own", health.getDetails().get("namespace"));
      assertEquals("own-node", context.getBean(BrokkrEndpoint.class).report().nodeId());
    }
  }
}
