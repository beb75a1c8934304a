package io.brokkr.dsl;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class RetrySpecTest {
  private static final RetryPolicy NODE = new RetryPolicy(5, Duration.ofMillis(200), 3.0, Duration.ofSeconds(30));

  @Test
  void aValueLeftOutIsTheNodesDefault() {
    assertEquals(new RetryPolicy(5, Duration.ofMillis(10), 3.0, Duration.ofSeconds(30)),
        RetrySpec.NODE_DEFAULT.withBackoff(Duration.ofMillis(10)).resolve(NODE));
    assertEquals(NODE, RetrySpec.NODE_DEFAULT.resolve(NODE));
    assertTrue(RetrySpec.NODE_DEFAULT.isNodeDefault());
  }

  @Test
  void aWholePolicyIgnoresTheNodesDefault() {
    RetrySpec spec = RetrySpec.of(RetryPolicy.NO_RETRY);
    assertTrue(spec.isComplete());
    assertFalse(spec.isNodeDefault());
    assertEquals(RetryPolicy.NO_RETRY, spec.resolve(NODE));
  }

  @Test
  void aBackoffOrCapGivenAloneMovesTheOtherSoThePolicyStaysValid() {
    assertEquals(new RetryPolicy(5, Duration.ofMinutes(1), 3.0, Duration.ofMinutes(1)),
        RetrySpec.NODE_DEFAULT.withBackoff(Duration.ofMinutes(1)).resolve(NODE));
    assertEquals(new RetryPolicy(5, Duration.ofMillis(50), 3.0, Duration.ofMillis(50)),
        RetrySpec.NODE_DEFAULT.withMaxBackoff(Duration.ofMillis(50)).resolve(NODE));
  }
}
