package io.brokkr.runtime;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.brokkr.dsl.RetryPolicy;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;

class BrokkrBuilderTest {

  private static void rejects(Executable call, String quoted) {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class, call);
    assertTrue(e.getMessage().contains(quoted), e.getMessage() + " should quote " + quoted);
  }

  @Test
  void eachOptionIsCheckedWhenItIsSetAndTheBadValueIsQuoted() {
    BrokkrBuilder builder = Brokkr.builder();
    rejects(() -> builder.concurrency(0), "was 0");
    rejects(() -> builder.namespace(" "), "\" \"");
    rejects(() -> builder.nodeId(""), "\"\"");
    rejects(() -> builder.leaseDuration(Duration.ZERO), "0ms");
    rejects(() -> builder.defaultRetryPolicy(new RetryPolicy(0, Duration.ZERO, 1.0, Duration.ZERO)), "\"0\"");
    rejects(() -> builder.defaultRetryPolicy(new RetryPolicy(2, Duration.ofSeconds(2), 0.5, Duration.ofSeconds(1))), "0.5");
  }

  @Test
  void stepOptionsAreCheckedToo() {
    rejects(() -> StepOptions.DEFAULTS.withTimeout(Duration.ofMillis(-5)), "-5ms");
    rejects(() -> StepOptions.DEFAULTS.withRetry(new RetryPolicy(1, Duration.ofMillis(-1), 1.0, Duration.ZERO)), "-1ms");
    StepOptions options = StepOptions.DEFAULTS.withRetry(RetryPolicy.NO_RETRY).withTimeout(Duration.ofSeconds(3));
    assertEquals(RetryPolicy.NO_RETRY, options.retry().orElseThrow());
    assertEquals(Duration.ofSeconds(3), options.timeout().orElseThrow());
  }

  @Test
  void theConvenienceFactoriesUseTheirNamespace() {
    try (Brokkr plain = Brokkr.inMemory(); Brokkr named = Brokkr.inMemory("hammers")) {
      assertEquals("brokkr", plain.namespace());
      assertEquals("hammers", named.namespace());
    }
  }
}
