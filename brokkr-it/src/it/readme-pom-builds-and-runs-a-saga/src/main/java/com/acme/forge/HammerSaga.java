package com.acme.forge;

import io.brokkr.dsl.Compensate;
import io.brokkr.dsl.Saga;
import io.brokkr.dsl.Step;
import io.brokkr.runtime.StepContext;

record HeadId(String id) {}
record HandleId(String id) {}
record Hammer(HeadId head, HandleId handle) {}

@Saga("Hammer")
public class HammerSaga {
  @Step public HeadId head(String headType, StepContext context) {
    return new HeadId(headType + "-" + context.idempotencyKey());
  }
  @Step public HandleId handle(String handleSize) { return new HandleId("handle-" + handleSize); }
  @Step(dependsOn = {"head", "handle"}) public Hammer hammer(HeadId head, HandleId handle) {
    return new Hammer(head, handle);
  }
  @Compensate("head") public void destroyHead(HeadId head) { System.out.println("destroyed " + head.id()); }
}
