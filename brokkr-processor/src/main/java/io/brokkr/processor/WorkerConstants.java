package io.brokkr.processor;

import com.palantir.javapoet.FieldSpec;
import io.brokkr.dsl.Compensation;
import io.brokkr.dsl.SagaTemplate;
import io.brokkr.dsl.StepTemplate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import javax.lang.model.element.Modifier;

/**
 * The public constants that name a saga's workers, so that code registering them by hand types no
 * worker name: {@code CHARGE_CARD_WORKER} for step {@code charge-card}, and
 * {@code CHARGE_CARD_COMPENSATOR_WORKER} for its compensator. Two steps whose names give one
 * constant get {@code _2}, {@code _3}... in declaration order.
 *
 * @param steps the constant of each step's worker, by step name
 * @param compensators the constant of each compensator's worker, by compensated step name
 * @param fields the constants, steps first, each followed by its compensator
 */
record WorkerConstants(Map<String, String> steps, Map<String, String> compensators, List<FieldSpec> fields) {

  /** The constants of {@code template}'s workers; their names are reserved in {@code tokens}. */
  static WorkerConstants of(SagaTemplate template, TypeTokens tokens) {
    Set<String> taken = new HashSet<>(List.of("TEMPLATE"));
    Map<String, String> steps = new LinkedHashMap<>();
    Map<String, String> compensators = new LinkedHashMap<>();
    List<FieldSpec> fields = new ArrayList<>();
    for (StepTemplate step : template.steps()) {
      String base = Identifiers.upperSnake(Identifiers.upperCamel(step.name()));
      String name = unique(base + "_WORKER", taken);
      steps.put(step.name(), name);
      fields.add(field(name, step.worker(), "step {@code $L}", step.name()));
      for (Compensation compensation : template.compensationOf(step.name()).stream().toList()) {
        String compensator = unique(base + "_COMPENSATOR_WORKER", taken);
        compensators.put(step.name(), compensator);
        fields.add(field(compensator, compensation.worker(), "the compensator of step {@code $L}", step.name()));
      }
    }
    taken.forEach(tokens::reserve);
    return new WorkerConstants(Map.copyOf(steps), Map.copyOf(compensators), List.copyOf(fields));
  }

  private static FieldSpec field(String name, String worker, String what, String step) {
    return FieldSpec.builder(String.class, name, Modifier.PUBLIC, Modifier.STATIC, Modifier.FINAL)
        .addJavadoc("The worker name of " + what + ".\n", step)
        .initializer("$S", worker)
        .build();
  }

  private static String unique(String base, Set<String> taken) {
    String name = base;
    for (int i = 2; !taken.add(name); i++) {
      name = base.replaceFirst("_WORKER$", "") + "_" + i + "_WORKER";
    }
    return name;
  }
}
