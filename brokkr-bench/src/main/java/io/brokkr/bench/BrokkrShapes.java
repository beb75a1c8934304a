package io.brokkr.bench;

import io.brokkr.bench.Scenario.Shape;
import io.brokkr.dsl.SagaTemplate;
import io.brokkr.dsl.SagaTemplateBuilder;
import io.brokkr.dsl.StepTemplateBuilder;
import io.brokkr.runtime.Worker;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The sagas of the bench as Brokkr templates, and the workers that run their steps. Every step
 * that depends on others reads their results, as the BullMQ peer's jobs read their children's.
 */
final class BrokkrShapes {
  private BrokkrShapes() {}

  static SagaTemplate template(Shape shape, int size) {
    return switch (shape) {
      case HAMMER -> hammer();
      case CHAIN -> chain(size);
      case FANOUT -> fanout(size);
    };
  }

  /** The inputs of the {@code index}-th saga of a run. */
  static Map<String, ?> inputs(Shape shape, int index) {
    return shape == Shape.HAMMER ? Map.of("headType", "thunder-" + index, "handleSize", "short") : Map.of();
  }

  /** The hammer saga of the samples, compensator included (it is stored, never run). */
  private static SagaTemplate hammer() {
    return SagaTemplate.named("BenchHammer")
        .input("headType", "String")
        .input("handleSize", "String")
        .step("head").worker("bench.head").inputs("headType").compensateWith("bench.head.undo")
        .step("handle").worker("bench.handle").inputs("handleSize")
        .step("hammer").worker("bench.hammer").dependsOn("head", "handle")
        .build();
  }

  private static SagaTemplate chain(int length) {
    StepTemplateBuilder step = SagaTemplate.named("BenchChain").step("s0").worker("bench.link");
    for (int i = 1; i < length; i++) {
      step = step.step("s" + i).worker("bench.link").dependsOn("s" + (i - 1));
    }
    return step.build();
  }

  private static SagaTemplate fanout(int width) {
    SagaTemplateBuilder saga = SagaTemplate.named("BenchFanout");
    StepTemplateBuilder step = saga.step("root").worker("bench.root");
    List<String> leaves = new ArrayList<>(width);
    for (int i = 0; i < width; i++) {
      leaves.add("leaf-" + i);
      step = step.step("leaf-" + i).worker("bench.leaf").dependsOn("root");
    }
    return step.step("join").worker("bench.join").dependsOn(leaves.toArray(String[]::new)).build();
  }

  /** The workers of every shape; chain links tell {@code clock} when they start. */
  static List<Worker> workers(LevelClock clock) {
    return List.of(
        Worker.sync("bench.head", in -> "head:" + in.arg(0, String.class)),
        Worker.sync("bench.handle", in -> "handle:" + in.arg(0, String.class)),
        Worker.sync("bench.hammer", in ->
            in.dependencyResult(0, String.class) + "+" + in.dependencyResult(1, String.class)),
        Worker.sync("bench.head.undo", in -> null),
        Worker.sync("bench.link", in -> {
          int level = Integer.parseInt(in.stepId().substring(1));
          clock.started(in.sagaId(), level);
          return level == 0 ? 1 : in.dependencyResult(0, Integer.class) + 1;
        }),
        Worker.sync("bench.root", in -> 0),
        Worker.sync("bench.leaf", in -> 1),
        Worker.sync("bench.join", in -> in.dependencyResults().size()));
  }
}
