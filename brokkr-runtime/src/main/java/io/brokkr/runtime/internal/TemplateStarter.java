package io.brokkr.runtime.internal;

import io.brokkr.dsl.Compensation;
import io.brokkr.dsl.SagaInput;
import io.brokkr.dsl.SagaTemplate;
import io.brokkr.dsl.StepTemplate;
import io.brokkr.runtime.Instrumentation.Scope;
import io.brokkr.runtime.SagaHandle;
import io.brokkr.runtime.SagaOutcome;
import io.brokkr.runtime.StepResults;
import io.brokkr.runtime.spi.Change;
import io.brokkr.runtime.spi.SagaDraft;
import io.brokkr.runtime.spi.StepSpec;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Objects;
import java.util.TreeSet;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;

/**
 * Builds and starts a saga from a template. Everything that can be wrong (the template, the inputs,
 * the compensators' fixed args) is checked before anything is stored, so a rejected start leaves no
 * saga behind.
 */
final class TemplateStarter {
  /** Templates kept validated and ordered; past this many the cache starts over. */
  private static final int MAX_TEMPLATES = 256;
  /** How much of a bad input value a message quotes. */
  private static final int QUOTE_LIMIT = 80;

  private final Engine engine;
  private final Function<SagaDraft, Change> createAndStart;
  /** The steps of each template started lately, in topological order, once it was found valid: by identity. */
  private final Map<Identity, List<StepTemplate>> orders = new ConcurrentHashMap<>();

  /** A template by identity: a record's equality would cost as much as validating it. */
  private record Identity(SagaTemplate template) {
    @Override
    public boolean equals(Object other) {
      return other instanceof Identity that && that.template == template;
    }

    @Override
    public int hashCode() {
      return System.identityHashCode(template);
    }
  }

  /** {@code createAndStart} creates and starts a saga: the dispatcher's, which claims its first steps for this node. */
  TemplateStarter(Engine engine, Function<SagaDraft, Change> createAndStart) {
    this.engine = engine;
    this.createAndStart = createAndStart;
  }

  SagaHandle<StepResults> start(SagaTemplate template, Map<String, ?> inputs) {
    Objects.requireNonNull(template, "template");
    Objects.requireNonNull(inputs, "inputs");
    List<StepTemplate> order = validOrder(template);
    Map<String, String> values = encodeInputs(template, inputs);
    List<StepSpec> steps = new ArrayList<>();
    for (StepTemplate step : order) {
      steps.add(new StepSpec(step.name(), step.worker(), step.dependsOn(), argsOf(List.of(), step.inputs(), values),
          step.retry().resolve(engine.options().defaultRetry()), step.timeout()));
    }
    Map<String, StepSpec> compensators = new LinkedHashMap<>();
    for (Compensation compensation : template.compensations()) {
      List<String> fixed = new ArrayList<>();
      for (int i = 0; i < compensation.args().size(); i++) {
        int index = i;
        fixed.add(engine.json().encode(compensation.args().get(i),
            () -> "saga \"" + template.name() + "\": arg " + index + " of the compensator of step \"" + compensation.step() + "\""));
      }
      compensators.put(compensation.step(), new StepSpec(Steps.compensatorId(compensation.step()), compensation.worker(),
          List.of(compensation.step()), argsOf(fixed, compensation.inputs(), values),
          compensation.retry().resolve(engine.options().defaultRetry()), compensation.timeout()));
    }
    String sagaId = UUID.randomUUID().toString();
    // Expected before the start: the saga may settle before start returns. A saga this node just
    // starts cannot have settled before, so nothing is read.
    CompletableFuture<SagaOutcome> outcome = engine.outcomes().expect(sagaId);
    Optional<String> name = Optional.of(template.name());
    try (Scope scope = engine.observer().creating(sagaId, name, true)) {
      try {
        SagaDraft draft = new SagaDraft(sagaId, steps, compensators, name, scope.traceContext());
        Calls.store(() -> engine.changes().wake(createAndStart.apply(draft)));
      } catch (RuntimeException e) {
        scope.failed(e);
        engine.observer().notCreated(sagaId);
        engine.outcomes().forget(sagaId);
        throw e;
      }
      engine.observer().started(name);
    }
    return new SagaHandle<>(sagaId, outcome, results -> results);
  }

  /** The template's steps in topological order; throws when the template is invalid. Templates are immutable. */
  private List<StepTemplate> validOrder(SagaTemplate template) {
    Identity key = new Identity(template);
    List<StepTemplate> order = orders.get(key);
    if (order == null) {
      template.validate().throwIfInvalid(template.name());
      order = template.topologicalOrder();
      if (orders.size() >= MAX_TEMPLATES) {
        orders.clear();
      }
      orders.put(key, order);
    }
    return order;
  }

  /** Each input encoded once; every missing, unknown or unencodable input named in one message. */
  private Map<String, String> encodeInputs(SagaTemplate template, Map<String, ?> inputs) {
    List<String> problems = new ArrayList<>();
    Map<String, String> encoded = new LinkedHashMap<>();
    int known = 0;
    for (SagaInput input : template.inputs()) {
      if (!inputs.containsKey(input.name())) {
        problems.add("input \"" + input.name() + "\" is missing");
        continue;
      }
      known++;
      Object value = inputs.get(input.name());
      if (value == null) {
        problems.add("input \"" + input.name() + "\" is null; it expects a " + input.type());
        continue;
      }
      String json;
      try {
        json = engine.json().encode(value, () -> "input \"" + input.name() + "\"");
      } catch (IllegalArgumentException e) {
        problems.add(e.getMessage());
        continue;
      }
      if (engine.json().fits(value, input.type())) {
        encoded.put(input.name(), json);
      } else {
        problems.add("input \"" + input.name() + "\" expects a " + input.type() + ", was " + quote(value)
            + " (a " + value.getClass().getName() + ")");
      }
    }
    // Every start passes here: the given names are sorted and looked up only when some are unknown.
    if (inputs.size() > known) {
      for (String name : new TreeSet<>(inputs.keySet())) {
        if (template.input(name).isEmpty()) {
          problems.add("input \"" + name + "\" is unknown; the saga's inputs are "
              + template.inputs().stream().map(SagaInput::name).toList());
        }
      }
    }
    if (!problems.isEmpty()) {
      throw new IllegalArgumentException("cannot start saga \"" + template.name() + "\": " + String.join("; ", problems));
    }
    return encoded;
  }

  /** A value as a message shows it: a string quoted, anything long cut short. */
  private static String quote(Object value) {
    String text = value instanceof CharSequence ? "\"" + value + "\"" : String.valueOf(value);
    return text.length() <= QUOTE_LIMIT ? text : text.substring(0, QUOTE_LIMIT) + "...";
  }

  private static String argsOf(List<String> fixed, List<String> inputNames, Map<String, String> values) {
    List<String> args = new ArrayList<>(fixed);
    inputNames.forEach(name -> args.add(values.get(name)));
    return Json.arrayOf(args);
  }
}
