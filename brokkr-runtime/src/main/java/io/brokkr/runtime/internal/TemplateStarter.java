package io.brokkr.runtime.internal;

import io.brokkr.dsl.Compensation;
import io.brokkr.dsl.RetryPolicy;
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
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Objects;
import java.util.TreeSet;
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
  /** The plan of each template started lately, once it was found valid: by identity. */
  private final Map<Identity, Plan> plans = new ConcurrentHashMap<>();

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
    Plan plan = planOf(template);
    Map<String, String> values = encodeInputs(template, inputs);
    List<StepSpec> steps = new ArrayList<>(plan.steps().size());
    for (PlannedStep step : plan.steps()) {
      steps.add(step.spec(values));
    }
    Map<String, StepSpec> compensators = new LinkedHashMap<>();
    for (PlannedStep compensator : plan.compensators()) {
      // A compensator depends on the one step it compensates, which keys it.
      compensators.put(compensator.compensated(), compensator.spec(values));
    }
    String sagaId = RandomIds.uuid();
    // Expected before the start: the saga may settle before start returns. A saga this node just
    // starts cannot have settled before, so nothing is read.
    CompletableFuture<SagaOutcome> outcome = engine.outcomes().expect(sagaId);
    Optional<String> name = plan.name();
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

  /**
   * What every saga of {@code template} shares, made at its first start: the steps in topological
   * order with their retry policies resolved, the compensators with their fixed args encoded. Throws
   * when the template is invalid or a fixed arg cannot be encoded (nothing is kept then). Templates
   * are immutable.
   */
  private Plan planOf(SagaTemplate template) {
    Identity key = new Identity(template);
    Plan plan = plans.get(key);
    if (plan == null) {
      template.validate().throwIfInvalid(template.name());
      plan = plan(template);
      if (plans.size() >= MAX_TEMPLATES) {
        plans.clear();
      }
      plans.put(key, plan);
    }
    return plan;
  }

  private Plan plan(SagaTemplate template) {
    RetryPolicy nodeDefault = engine.options().defaultRetry();
    List<PlannedStep> steps = new ArrayList<>();
    for (StepTemplate step : template.topologicalOrder()) {
      steps.add(new PlannedStep(step.name(), step.worker(), step.dependsOn(), List.of(), step.inputs(),
          step.retry().resolve(nodeDefault), step.timeout()));
    }
    List<PlannedStep> compensators = new ArrayList<>();
    for (Compensation compensation : template.compensations()) {
      List<String> fixed = new ArrayList<>();
      for (int i = 0; i < compensation.args().size(); i++) {
        int index = i;
        fixed.add(engine.json().encode(compensation.args().get(i),
            () -> "saga \"" + template.name() + "\": arg " + index + " of the compensator of step \"" + compensation.step() + "\""));
      }
      compensators.add(new PlannedStep(Steps.compensatorId(compensation.step()), compensation.worker(),
          List.of(compensation.step()), fixed, compensation.inputs(), compensation.retry().resolve(nodeDefault),
          compensation.timeout()));
    }
    return new Plan(Optional.of(template.name()), List.copyOf(steps), List.copyOf(compensators));
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

  /**
   * The name, steps and compensators of a template, ready to be given each saga's inputs; the name
   * made an {@code Optional} once, shared by the sagas as the steps' specs are.
   */
  private record Plan(Optional<String> name, List<PlannedStep> steps, List<PlannedStep> compensators) {}

  /**
   * A step of a plan: all of its spec but the args that come from the saga's inputs; its fixed args
   * (a compensator's) kept encoded. Its args' JSON array is the fixed args, then the inputs named. A
   * step that names no input has the same spec in every saga: made once, and shared by the sagas (a
   * settled saga keeps its specs for its retention).
   */
  private static final class PlannedStep {
    private final String id;
    private final String worker;
    private final List<String> dependsOn;
    private final List<String> fixedArgs;
    private final List<String> inputNames;
    private final RetryPolicy retry;
    private final Optional<Duration> timeout;
    private final Optional<StepSpec> shared;

    PlannedStep(String id, String worker, List<String> dependsOn, List<String> fixedArgs, List<String> inputNames,
        RetryPolicy retry, Optional<Duration> timeout) {
      this.id = id;
      this.worker = worker;
      this.dependsOn = List.copyOf(dependsOn);
      this.fixedArgs = List.copyOf(fixedArgs);
      this.inputNames = List.copyOf(inputNames);
      this.retry = retry;
      this.timeout = timeout;
      this.shared = inputNames.isEmpty() ? Optional.of(build(Map.of())) : Optional.empty();
    }

    /** The step this compensator compensates: the one step it depends on. */
    String compensated() {
      return dependsOn.get(0);
    }

    StepSpec spec(Map<String, String> inputValues) {
      return shared.isPresent() ? shared.get() : build(inputValues);
    }

    private StepSpec build(Map<String, String> inputValues) {
      StringBuilder args = new StringBuilder("[");
      // Indexed loops: an iterator for each list at every start cost more than the loops themselves.
      for (int i = 0; i < fixedArgs.size(); i++) {
        args.append(args.length() > 1 ? "," : "").append(fixedArgs.get(i));
      }
      for (int i = 0; i < inputNames.size(); i++) {
        args.append(args.length() > 1 ? "," : "").append(inputValues.get(inputNames.get(i)));
      }
      return new StepSpec(id, worker, dependsOn, args.append(']').toString(), retry, timeout);
    }
  }
}
