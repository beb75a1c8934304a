package io.brokkr.spring.boot.autoconfigure;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import org.springframework.boot.convert.DurationStyle;
import org.springframework.util.unit.DataSize;

/**
 * The generated configuration metadata describes every property, with the default the bound
 * properties really have, and the README's table lists every one of them.
 */
class ConfigurationMetadataTest {
  /** Every brokkr.* property, with the default BrokkrProperties has ("" for none). */
  private static final Map<String, Object> DEFAULTS = defaults(new BrokkrProperties());

  @Test
  void everyPropertyHasADescriptionAndItsTrueDefault() throws Exception {
    Map<String, JsonNode> metadata = new TreeMap<>();
    try (InputStream in = getClass().getResourceAsStream("/META-INF/spring-configuration-metadata.json")) {
      for (JsonNode property : new ObjectMapper().readTree(in).get("properties")) {
        if (property.get("name").asText().startsWith("brokkr.")) {
          metadata.put(property.get("name").asText(), property);
        }
      }
    }

    assertEquals(DEFAULTS.keySet(), metadata.keySet());
    metadata.forEach((name, property) -> {
      assertFalse(property.path("description").asText().isBlank(), name + " has no description");
      Object expected = DEFAULTS.get(name);
      JsonNode given = property.get("defaultValue");
      if (expected.equals("")) {
        assertTrue(given == null, name + " has a default in the metadata but none in BrokkrProperties");
      } else {
        assertTrue(given != null, name + " has no default in the metadata");
        assertEquals(expected, parse(given, expected), name + ": the metadata's default is not the bound one");
      }
    });
  }

  @Test
  void theReadmeListsEveryProperty() throws Exception {
    String readme = Files.readString(Path.of("..", "README.md"));

    for (String name : DEFAULTS.keySet()) {
      assertTrue(readme.contains("| `" + name + "` |"), "README.md has no row for " + name);
    }
  }

  private static Object parse(JsonNode value, Object like) {
    if (like instanceof Duration) {
      return DurationStyle.detectAndParse(value.asText());
    } else if (like instanceof DataSize) {
      return DataSize.parse(value.asText());
    } else if (like instanceof Integer) {
      return value.asInt();
    } else if (like instanceof Double) {
      return value.asDouble();
    } else if (like instanceof Boolean) {
      return value.asBoolean();
    }
    return value.asText();
  }

  private static Map<String, Object> defaults(BrokkrProperties p) {
    Map<String, Object> d = new TreeMap<>();
    d.put("brokkr.namespace", p.getNamespace());
    d.put("brokkr.node-id", "");
    d.put("brokkr.concurrency", p.getConcurrency());
    d.put("brokkr.lease-duration", p.getLeaseDuration());
    d.put("brokkr.drain-timeout", p.getDrainTimeout());
    d.put("brokkr.restore-on-start", p.isRestoreOnStart());
    d.put("brokkr.default-retry.max-attempts", p.getDefaultRetry().getMaxAttempts());
    d.put("brokkr.default-retry.backoff", p.getDefaultRetry().getBackoff());
    d.put("brokkr.default-retry.multiplier", p.getDefaultRetry().getMultiplier());
    d.put("brokkr.default-retry.max-backoff", p.getDefaultRetry().getMaxBackoff());
    d.put("brokkr.redis.url", "");
    d.put("brokkr.redis.connection-pool-size", p.getRedis().getConnectionPoolSize());
    d.put("brokkr.redis.payload-limit", p.getRedis().getPayloadLimit());
    d.put("brokkr.redis.retention", p.getRedis().getRetention());
    d.put("brokkr.redis.functions", p.getRedis().isFunctions());
    d.put("brokkr.redis.direct-connection", p.getRedis().isDirectConnection());
    d.put("brokkr.redis.finish-batching", p.getRedis().isFinishBatching());
    d.put("brokkr.redis.durability.replicas", p.getRedis().getDurability().getReplicas());
    d.put("brokkr.redis.durability.timeout", p.getRedis().getDurability().getTimeout());
    d.put("brokkr.dashboard.enabled", p.getDashboard().isEnabled());
    d.put("brokkr.dashboard.actions-enabled", p.getDashboard().isActionsEnabled());
    return d;
  }
}
