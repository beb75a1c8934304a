package io.brokkr.processor.hammer;

import io.brokkr.dsl.Compensate;
import io.brokkr.dsl.Saga;
import io.brokkr.dsl.Step;
import io.brokkr.runtime.StepContext;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/** The hammer saga of the original Brokkr; {@code failHammer} makes the last step fail. */
@Saga("Hammer")
public class HammerSaga {
  /** What the steps did, in order. */
  public final List<String> log = new CopyOnWriteArrayList<>();
  private final boolean failHammer;

  public HammerSaga(boolean failHammer) {
    this.failHammer = failHammer;
  }

  @Step
  public HeadId head(String headType, StepContext context) {
    log.add("head " + headType + " " + context.idempotencyKey().endsWith(":head"));
    return new HeadId("head-" + headType);
  }

  @Step
  public HandleId handle(int size) {
    log.add("handle " + size);
    return new HandleId("handle-" + size);
  }

  @Step(dependsOn = {"head", "handle"}, maxAttempts = 1)
  public Hammer hammer(HeadId head, HandleId handle, List<String> parts) {
    if (failHammer) {
      throw new IllegalStateException("the forge went cold");
    }
    log.add("hammer");
    return new Hammer(head, handle, parts);
  }

  @Compensate("head")
  public void destroyHead(HeadId head) {
    log.add("destroyed " + head.id());
  }
}
