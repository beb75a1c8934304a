package io.brokkr.processor;

import com.palantir.javapoet.ClassName;
import io.brokkr.dsl.Compensation;
import io.brokkr.dsl.Durations;
import io.brokkr.dsl.SagaInput;
import io.brokkr.dsl.SagaTemplate;
import io.brokkr.dsl.StepTemplate;
import java.util.List;
import java.util.stream.Collectors;

/**
 * The descriptor of an annotated saga, {@code META-INF/brokkr/<saga class>.json}: the template as
 * JSON with the saga class and its launcher, for tools that list the sagas of a build (the diagram
 * mojo). Written by hand to keep the processor free of a JSON library.
 */
final class Descriptor {
  static final String DIRECTORY = "META-INF/brokkr/";

  private Descriptor() {}

  /** Where the descriptor of {@code sagaClass} goes, relative to the class output. */
  static String path(ClassName sagaClass) {
    return DIRECTORY + sagaClass.reflectionName() + ".json";
  }

  static String json(SagaTemplate template, ClassName sagaClass, ClassName launcher) {
    return "{\n"
        + "  \"name\": " + string(template.name()) + ",\n"
        + "  \"class\": " + string(sagaClass.reflectionName()) + ",\n"
        + "  \"launcher\": " + string(launcher.reflectionName()) + ",\n"
        + "  \"inputs\": " + array(template.inputs().stream().map(Descriptor::input).toList()) + ",\n"
        + "  \"steps\": " + array(template.steps().stream().map(Descriptor::step).toList()) + ",\n"
        + "  \"compensations\": " + array(template.compensations().stream().map(Descriptor::compensation).toList())
        + "\n}\n";
  }

  private static String input(SagaInput input) {
    return "{\"name\": " + string(input.name()) + ", \"type\": " + string(input.type()) + "}";
  }

  private static String step(StepTemplate step) {
    StringBuilder out = new StringBuilder("{\"name\": ").append(string(step.name()))
        .append(", \"worker\": ").append(string(step.worker()))
        .append(", \"dependsOn\": ").append(strings(step.dependsOn()))
        .append(", \"inputs\": ").append(strings(step.inputs()));
    step.outputType().ifPresent(t -> out.append(", \"output\": ").append(string(t)));
    step.retry().ifPresent(r -> out.append(", \"retry\": {\"maxAttempts\": ").append(r.maxAttempts())
        .append(", \"backoff\": ").append(string(Durations.format(r.initialBackoff())))
        .append(", \"backoffMultiplier\": ").append(r.multiplier())
        .append(", \"maxBackoff\": ").append(string(Durations.format(r.maxBackoff()))).append('}'));
    step.timeout().ifPresent(t -> out.append(", \"timeout\": ").append(string(Durations.format(t))));
    return out.append(", \"async\": ").append(step.async()).append('}').toString();
  }

  private static String compensation(Compensation compensation) {
    return "{\"step\": " + string(compensation.step()) + ", \"worker\": " + string(compensation.worker())
        + ", \"inputs\": " + strings(compensation.inputs()) + "}";
  }

  private static String array(List<String> items) {
    return items.isEmpty() ? "[]" : items.stream().collect(Collectors.joining(",\n    ", "[\n    ", "\n  ]"));
  }

  private static String strings(List<String> values) {
    return values.stream().map(Descriptor::string).collect(Collectors.joining(", ", "[", "]"));
  }

  private static String string(String value) {
    StringBuilder out = new StringBuilder("\"");
    for (char c : value.toCharArray()) {
      switch (c) {
        case '"' -> out.append("\\\"");
        case '\\' -> out.append("\\\\");
        default -> out.append(c < 0x20 ? String.format("\\u%04x", (int) c) : String.valueOf(c));
      }
    }
    return out.append('"').toString();
  }
}
