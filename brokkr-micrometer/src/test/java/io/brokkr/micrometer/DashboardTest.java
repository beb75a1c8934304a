package io.brokkr.micrometer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.atomic.AtomicReference;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** Every metric the shipped Grafana dashboard queries exists in Prometheus after a workload. */
class DashboardTest {
  private static final Pattern METRIC = Pattern.compile("\\bbrokkr_[a-z_]+");
  private static final Pattern SERIES = Pattern.compile("(?m)^(brokkr_[a-z_]+)[{ ]");

  @Test
  void everyQueriedMetricIsScraped() throws Exception {
    PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
    AtomicReference<String> scrape = new AtomicReference<>();
    Workload.run(BrokkrMetrics.of(registry), () -> {
      registry.scrape(); // the gauges' first reading registers the ready gauges of the node's workers
      scrape.set(registry.scrape());
    });
    // Kept for a reader (the README quotes it): target/brokkr-scrape.txt.
    java.nio.file.Files.writeString(java.nio.file.Path.of("target", "brokkr-scrape.txt"), scrape.get());
    Set<String> scraped = new TreeSet<>();
    Matcher series = SERIES.matcher(scrape.get());
    while (series.find()) {
      scraped.add(series.group(1));
    }

    Set<String> queried = new TreeSet<>();
    for (String expr : expressions()) {
      Matcher metric = METRIC.matcher(expr);
      while (metric.find()) {
        queried.add(metric.group());
      }
    }
    assertTrue(queried.size() >= 14, "the dashboard queries every meter: " + queried);
    Set<String> missing = queried.stream().filter(m -> !scraped.contains(m)).collect(Collectors.toCollection(TreeSet::new));
    assertEquals(Set.of(), missing, "queried but not scraped; scraped: " + scraped);
  }

  @Test
  void theDashboardReadsPrometheusThroughItsDataSourceVariable() throws Exception {
    JsonNode dashboard = dashboard();
    assertEquals("brokkr", dashboard.get("uid").asText());
    for (JsonNode panel : dashboard.get("panels")) {
      assertEquals("${datasource}", panel.at("/datasource/uid").asText(), panel.get("title").asText());
      assertEquals("prometheus", panel.at("/datasource/type").asText());
    }
  }

  private static JsonNode dashboard() throws Exception {
    try (InputStream in = DashboardTest.class.getClassLoader().getResourceAsStream(BrokkrMetrics.DASHBOARD)) {
      assertTrue(in != null, "the dashboard ships as " + BrokkrMetrics.DASHBOARD);
      return new ObjectMapper().readTree(in);
    }
  }

  private static List<String> expressions() throws Exception {
    List<String> exprs = new ArrayList<>();
    for (JsonNode panel : dashboard().get("panels")) {
      panel.get("targets").forEach(t -> exprs.add(t.get("expr").asText()));
    }
    dashboard().at("/templating/list").forEach(v -> exprs.add(v.path("definition").asText()));
    return exprs;
  }
}
