package io.brokkr.dsl.yaml;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.dataformat.yaml.YAMLGenerator;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import io.brokkr.dsl.Compensation;
import io.brokkr.dsl.Durations;
import io.brokkr.dsl.RetrySpec;
import io.brokkr.dsl.SagaInput;
import io.brokkr.dsl.SagaTemplate;
import io.brokkr.dsl.StepTemplate;
import java.io.UncheckedIOException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Writes templates in the format {@link TemplateReader} reads, leaving out what is a default. */
final class TemplateWriter {
  private static final YAMLMapper MAPPER = YAMLMapper.builder()
      .disable(YAMLGenerator.Feature.WRITE_DOC_START_MARKER)
      .enable(YAMLGenerator.Feature.MINIMIZE_QUOTES)
      .enable(YAMLGenerator.Feature.ALWAYS_QUOTE_NUMBERS_AS_STRINGS)
      .enable(YAMLGenerator.Feature.INDENT_ARRAYS_WITH_INDICATOR)
      .build();

  private TemplateWriter() {}

  static String write(List<SagaTemplate> templates) {
    StringBuilder out = new StringBuilder();
    for (SagaTemplate template : templates) {
      if (out.length() > 0) {
        out.append("---\n");
      }
      try {
        out.append(MAPPER.writeValueAsString(saga(template)));
      } catch (JsonProcessingException e) {
        throw new UncheckedIOException("cannot write saga " + template.name(), e);
      }
    }
    return out.toString();
  }

  private static Map<String, Object> saga(SagaTemplate template) {
    Map<String, Object> saga = new LinkedHashMap<>();
    saga.put("saga", template.name());
    if (!template.inputs().isEmpty()) {
      Map<String, Object> inputs = new LinkedHashMap<>();
      for (SagaInput input : template.inputs()) {
        inputs.put(input.name(), input.type());
      }
      saga.put("inputs", inputs);
    }
    Map<String, Object> steps = new LinkedHashMap<>();
    for (StepTemplate step : template.steps()) {
      steps.put(step.name(), step(step, template));
    }
    saga.put("steps", steps);
    return saga;
  }

  private static Map<String, Object> step(StepTemplate step, SagaTemplate template) {
    Map<String, Object> out = new LinkedHashMap<>();
    out.put("worker", step.worker());
    if (!step.dependsOn().isEmpty()) {
      out.put("dependsOn", step.dependsOn());
    }
    if (!step.inputs().isEmpty()) {
      out.put("inputs", step.inputs());
    }
    step.outputType().ifPresent(type -> out.put("output", type));
    template.compensationOf(step.name()).ifPresent(c -> out.put("compensateWith", compensation(c)));
    if (!step.retry().isNodeDefault()) {
      out.put("retry", retry(step.retry()));
    }
    step.timeout().ifPresent(timeout -> out.put("timeout", Durations.format(timeout)));
    if (step.async()) {
      out.put("async", true);
    }
    return out;
  }

  private static Object compensation(Compensation compensation) {
    if (compensation.args().isEmpty() && compensation.inputs().isEmpty() && compensation.retry().isNodeDefault()
        && compensation.timeout().isEmpty()) {
      return compensation.worker();
    }
    Map<String, Object> out = new LinkedHashMap<>();
    out.put("worker", compensation.worker());
    if (!compensation.args().isEmpty()) {
      out.put("args", compensation.args());
    }
    if (!compensation.inputs().isEmpty()) {
      out.put("inputs", compensation.inputs());
    }
    if (!compensation.retry().isNodeDefault()) {
      out.put("retry", retry(compensation.retry()));
    }
    compensation.timeout().ifPresent(timeout -> out.put("timeout", Durations.format(timeout)));
    return out;
  }

  /** The values given, alone: those left out stay the node's default when read back. */
  private static Map<String, Object> retry(RetrySpec retry) {
    Map<String, Object> out = new LinkedHashMap<>();
    retry.maxAttempts().ifPresent(n -> out.put("maxAttempts", n));
    retry.backoff().ifPresent(b -> out.put("backoff", Durations.format(b)));
    retry.backoffMultiplier().ifPresent(m -> out.put("backoffMultiplier", m));
    retry.maxBackoff().ifPresent(m -> out.put("maxBackoff", Durations.format(m)));
    return out;
  }
}
