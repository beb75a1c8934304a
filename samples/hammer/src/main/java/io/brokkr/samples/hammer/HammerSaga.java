package io.brokkr.samples.hammer;

import io.brokkr.dsl.Compensate;
import io.brokkr.dsl.Saga;
import io.brokkr.dsl.Step;
import io.brokkr.runtime.StepContext;
import java.io.PrintStream;

/**
 * The hammer saga of the original README as an annotated class: the head and the handle are made in
 * parallel, the hammer joins them, and the head is destroyed when the hammer cannot be made. The
 * annotation processor checks it and generates {@code HammerSagaLauncher}. The workers keep the
 * original names, so that the dynamic variant of the sample can address them too.
 */
@Saga("Hammer")
public class HammerSaga {
  /** What the head factory returns, and the destroyer receives. */
  record Head(String headId) {}

  /** What the handle factory returns. */
  record Handle(String handleId) {}

  /** What the hammer factory returns: the saga's result. */
  record Hammer(String headId, String handleId) {}

  private final boolean hammerFails;
  private final PrintStream out;

  /** With {@code hammerFails}, every attempt to join head and handle fails. */
  HammerSaga(boolean hammerFails, PrintStream out) {
    this.hammerFails = hammerFails;
    this.out = out;
  }

  @Step(worker = "HammerHeadFactory")
  Head head(String headType, StepContext context) {
    out.println("HammerHeadFactory: forging a " + headType + " head (key " + context.idempotencyKey() + ")");
    return new Head("head-" + headType);
  }

  @Step(worker = "HandleFactory")
  Handle handle(String handleSize) {
    out.println("HandleFactory: carving a " + handleSize + " handle");
    return new Handle("handle-" + handleSize);
  }

  @Step(worker = "HammerFactory", dependsOn = {"head", "handle"})
  Hammer hammer(Head head, Handle handle, StepContext context) {
    if (hammerFails) {
      out.println("HammerFactory: attempt " + context.attempt() + " to join " + head.headId() + " and "
          + handle.handleId() + " fails");
      throw new IllegalStateException("the anvil cracked");
    }
    out.println("HammerFactory: joining " + head.headId() + " and " + handle.handleId());
    return new Hammer(head.headId(), handle.handleId());
  }

  @Compensate("head")
  void destroyHead(Head head) {
    out.println("HammerHeadDestroyer: destroying " + head.headId());
  }
}
