package io.brokkr.samples.kafka;

import io.brokkr.dsl.Compensate;
import io.brokkr.dsl.Saga;
import io.brokkr.dsl.Step;

/**
 * The hammer saga of the original README's "Hammer services example": every step runs in another
 * service, so every step is async and its method has no body. The coordinator binds each worker name
 * to its Kafka topic ({@code KafkaCoordinator.bind}); the launcher's constants name the workers.
 */
@Saga("HammerServices")
public class HammerServices {
  /** What the head service returns, and the destroyer receives. */
  public record Head(String headId) {}

  /** What the handle service returns. */
  public record Handle(String handleId) {}

  /** What the hammer service returns: the saga's result. */
  public record Hammer(String headId, String handleId) {}

  @Step(worker = "HammerHeadFactory", async = true, timeout = "30s")
  void head(String headType) {}

  @Step(worker = "HandleFactory", async = true, timeout = "30s")
  void handle(String handleSize) {}

  @Step(worker = "HammerFactory", async = true, timeout = "30s", dependsOn = {"head", "handle"})
  void hammer(Head head, Handle handle) {}

  @Compensate(value = "head", timeout = "30s")
  void destroyHead(Head head) {}
}
