package io.brokkr.samples.hammer;

import io.brokkr.dsl.SagaTemplate;
import io.brokkr.dsl.StepTemplate;
import java.util.List;

/** The hammer saga of the original Brokkr: builds its template and prints its execution plan. */
public final class HammerSample {
  private HammerSample() {}

  /** The hammer saga: head and handle in parallel, then the hammer joins them. */
  static SagaTemplate hammerTemplate() {
    return SagaTemplate.named("Hammer")
        .input("headType", "String")
        .input("handleSize", "String")
        .step("head").worker("HammerHeadFactory").inputs("headType").compensateWith("HammerHeadDestroyer")
        .step("handle").worker("HandleFactory").inputs("handleSize")
        .step("hammer").worker("HammerFactory").dependsOn("head", "handle")
        .build();
  }

  /** The plan: steps by level, which run in parallel, and the compensations. */
  static String plan(SagaTemplate template) {
    StringBuilder out = new StringBuilder("Saga ").append(template.name()).append('\n');
    List<List<StepTemplate>> levels = template.levels();
    for (int level = 0; level < levels.size(); level++) {
      List<StepTemplate> steps = levels.get(level);
      out.append("  level ").append(level).append(steps.size() > 1 ? " (in parallel):" : ":").append('\n');
      for (StepTemplate step : steps) {
        out.append("    ").append(step.name()).append(" on worker ").append(step.worker());
        if (!step.dependsOn().isEmpty()) {
          out.append(", after ").append(String.join(", ", step.dependsOn()));
        }
        template.compensationOf(step.name())
            .ifPresent(c -> out.append(", undone by ").append(c.worker()));
        out.append('\n');
      }
    }
    return out.toString();
  }

  public static void main(String[] args) {
    System.out.print(plan(hammerTemplate()));
  }
}
