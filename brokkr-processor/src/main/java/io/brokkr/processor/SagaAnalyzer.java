package io.brokkr.processor;

import com.palantir.javapoet.ClassName;
import com.palantir.javapoet.TypeName;
import io.brokkr.dsl.Compensation;
import io.brokkr.dsl.Messages;
import io.brokkr.dsl.Names;
import io.brokkr.dsl.Problem;
import io.brokkr.dsl.SagaInput;
import io.brokkr.dsl.SagaTemplate;
import io.brokkr.dsl.SagaValidator;
import io.brokkr.dsl.StepTemplate;
import io.brokkr.processor.LauncherModel.Argument;
import io.brokkr.processor.LauncherModel.Binding;
import io.brokkr.processor.LauncherModel.Call;
import io.brokkr.processor.SourceMethod.Attribute;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Checks a saga class as written and builds its template and launcher model. The Java checks
 * (modifiers, nesting, parameters, types) are made here; the graph checks by the one
 * {@link SagaValidator} of {@code brokkr-dsl}, whose problems {@link Locator} places. Pure: no javac.
 */
final class SagaAnalyzer {
  private static final TypeName OBJECT = ClassName.OBJECT;

  private final SourceSaga saga;
  private final TypeChecker types;
  private final List<Report> reports = new ArrayList<>();
  private final Map<String, SourceStep> steps = new LinkedHashMap<>();
  private final Map<String, TypeName> inputTypes = new LinkedHashMap<>();
  private final Map<String, String> inputOwners = new LinkedHashMap<>();
  /** The inputs that steps (not only compensators) take. */
  private final Set<String> stepInputs = new HashSet<>();
  private final Map<String, TypeName> resultTypes = new LinkedHashMap<>();
  /** Each method's sorted parameters; by identity, as a record's hash would walk the whole method. */
  private final Map<SourceMethod, List<Parameter>> parameters = new IdentityHashMap<>();
  /** The parameters that receive each step's result, steps first, then compensators, in order. */
  private final Map<String, List<Parameter>> readers = new HashMap<>();

  private SagaAnalyzer(SourceSaga saga, TypeChecker types) {
    this.saga = saga;
    this.types = types;
    saga.steps().forEach(s -> steps.putIfAbsent(s.name(), s));
  }

  /**
   * Every problem of the saga, and its launcher model when there is no error.
   *
   * @param launcher the class to generate
   */
  static Analysis analyze(SourceSaga saga, TypeChecker types, ClassName launcher) {
    return new SagaAnalyzer(saga, types).run(launcher);
  }

  /**
   * What the analysis found.
   *
   * @param reports errors and warnings, in a stable order
   * @param template the template, even an invalid one
   * @param launcher the launcher model; empty when there is an error
   */
  record Analysis(List<Report> reports, SagaTemplate template, Optional<LauncherModel> launcher) {}

  private Analysis run(ClassName launcher) {
    checkClass();
    for (SourceStep step : saga.steps()) {
      String party = Messages.stepParty(step.name());
      checkMethod(step.method(), party, step.name());
      step.compensate()
          .ifPresent(site -> report(Messages.stepAndCompensator(step.name(), step.method().name()), site));
      if (step.isAsync() && !step.method().returns().equals(TypeName.VOID)) {
        report(Messages.asyncResult(step.name(), step.method().returns().toString()), step.method().site());
      } else if (!step.isAsync() && !step.method().returns().equals(TypeName.VOID)) {
        resultTypes.putIfAbsent(step.name(), step.method().returns());
      }
      classify(step.method(), party, step.name(), step.dependencyNames(), false);
    }
    for (SourceCompensator compensator : saga.compensators()) {
      String step = compensator.step().value();
      String party = Messages.compensatorParty(step, Workers.of(saga, compensator.method()));
      checkMethod(compensator.method(), party, step);
      classify(compensator.method(), party, step, List.of(step), true);
    }
    inferAsyncResults();
    checkResultParameters();
    warnUnusedResults();
    Workers.check(saga, steps, this::report);
    SagaTemplate template = new SagaTemplate(saga.name(),
        inputTypes.entrySet().stream().map(e -> new SagaInput(e.getKey(), e.getValue().toString())).toList(),
        saga.steps().stream().map(this::stepTemplate).toList(),
        saga.compensators().stream().map(this::compensation).toList());
    Locator locator = new Locator(saga);
    for (Problem problem : SagaValidator.validate(template).problems()) {
      if (!locator.isConsequence(problem)) {
        report(problem, locator.locate(problem));
      }
    }
    boolean valid = reports.stream().allMatch(Report::isWarning);
    return new Analysis(List.copyOf(reports), template,
        valid ? Optional.of(model(template, launcher)) : Optional.empty());
  }

  private void checkClass() {
    String name = String.join(".", saga.type().simpleNames());
    switch (saga.nesting()) {
      case INNER -> report(Messages.innerSagaClass(name), saga.site());
      case PRIVATE -> report(Messages.privateSagaClass(name), saga.site());
      case REACHABLE -> { }
    }
    saga.typeParameter().ifPresent(site -> report(Messages.genericSagaClass(name), site));
  }

  /** {@code party} names the step or compensator the method runs, as every message names it. */
  private void checkMethod(SourceMethod method, String party, String step) {
    method.typeParameter().ifPresent(site -> report(Messages.genericMethod(step, party, method.name()), site));
    if (method.isPrivate()) {
      report(Messages.methodModifier(step, party, method.name(), "private"), method.site());
    }
    if (method.isStatic()) {
      report(Messages.methodModifier(step, party, method.name(), "static"), method.site());
    }
  }

  /**
   * Sorts a method's parameters: {@code StepContext}, the result of one of {@code dependencies}
   * (by name), or else a saga input. A parameter named like a step it does not receive is an error,
   * not an input: the user most likely forgot the dependency, or expects a compensator to receive it.
   * So is a compensator parameter of its step's result type that no step shares as an input: the
   * user most likely expects it to receive the result under another name.
   *
   * @param party the step or compensator, as every message names it
   * @param step the step, or the step the compensator compensates
   * @param compensator whether the method is a compensator
   */
  private void classify(SourceMethod method, String party, String step, List<String> dependencies,
      boolean compensator) {
    List<Parameter> sorted = new ArrayList<>();
    for (SourceParameter parameter : method.parameters()) {
      String name = parameter.name();
      if (parameter.isContext()) {
        sorted.add(new Parameter(parameter, Parameter.Source.CONTEXT, party));
      } else if (dependencies.contains(name)) {
        Parameter reader = new Parameter(parameter, Parameter.Source.RESULT, party);
        sorted.add(reader);
        readers.computeIfAbsent(name, n -> new ArrayList<>()).add(reader);
      } else if (steps.containsKey(name)) {
        if (compensator) {
          report(Messages.compensatorParameter(step, Workers.of(saga, method), name), parameter.site());
        } else if (!misspeltDependency(dependencies, name)) {
          report(Messages.undeclaredDependency(step, name), parameter.site());
        }
      } else if (compensator && receivesResultUnnamed(method, step, parameter)) {
        report(Messages.unnamedResult(step, Workers.of(saga, method), name, resultTypes.get(step).toString()),
            parameter.site());
      } else {
        TypeName known = inputTypes.putIfAbsent(name, parameter.type());
        inputOwners.putIfAbsent(name, method.name());
        if (known != null && !known.equals(parameter.type())) {
          report(Messages.inputType(name, known.toString(), inputOwners.get(name),
              parameter.type().toString(), method.name()), parameter.site());
        } else if (!compensator) {
          stepInputs.add(name);
        }
        sorted.add(new Parameter(parameter, Parameter.Source.INPUT, party));
      }
    }
    parameters.put(method, sorted);
  }

  /**
   * Whether a parameter named like step {@code name} is explained by a dependency that names no step
   * but is closest to {@code name}: the unknown dependency, reported by the validator with a
   * "did you mean", is the root problem, and the parameter would be fine once it is fixed.
   */
  private boolean misspeltDependency(List<String> dependencies, String name) {
    return dependencies.stream().filter(d -> !steps.containsKey(d))
        .anyMatch(d -> Names.suggest(d, steps.keySet()).equals(Optional.of(name)));
  }

  /**
   * Whether a compensator's parameter looks meant for its step's result: the compensator receives
   * the result under no parameter named like the step, the parameter can receive that result, and no
   * step takes an input of its name (the steps are classified before the compensators).
   */
  private boolean receivesResultUnnamed(SourceMethod method, String step, SourceParameter parameter) {
    TypeName result = resultTypes.get(step);
    return result != null && !steps.get(step).isAsync() && !stepInputs.contains(parameter.name())
        && method.parameters().stream().noneMatch(p -> p.name().equals(step))
        && types.canReceive(result, parameter.type());
  }

  /** An async step's result has the type its first reader asks for; Object when none asks. */
  private void inferAsyncResults() {
    for (SourceStep step : steps.values()) {
      if (step.isAsync()) {
        TypeName type = readersOf(step.name()).stream().findFirst().map(p -> p.source().type()).orElse(OBJECT);
        resultTypes.put(step.name(), type);
      }
    }
  }

  private void checkResultParameters() {
    for (SourceStep step : steps.values()) {
      for (Parameter reader : readersOf(step.name())) {
        Optional<TypeName> result = Optional.ofNullable(resultTypes.get(step.name()));
        TypeName declared = reader.source().type();
        if (result.isEmpty()) {
          report(Messages.voidResult(reader.party(), reader.source().name(), step.name()),
              reader.source().site());
        } else if (step.isAsync() && !declared.equals(result.get())) {
          // An async step's result has the type of its first reader; the others must declare it too.
          report(Messages.parameterType(reader.party(), reader.source().name(), declared.toString(),
              step.name(), result.get().toString()), reader.source().site());
        } else if (!step.isAsync() && !types.canReceive(result.get(), declared)) {
          report(Messages.resultType(reader.party(), reader.source().name(), declared.toString(),
              step.name(), result.get().toString()), reader.source().site());
        }
      }
    }
  }

  /** The parameters that receive a step's result: they are named like the step. */
  private List<Parameter> readersOf(String step) {
    return readers.getOrDefault(step, List.of());
  }

  /**
   * Warns of each dependency whose result no parameter receives: at a parameter of the step that
   * could receive it but, named otherwise, became a saga input; else at the dependency.
   */
  private void warnUnusedResults() {
    for (SourceStep step : saga.steps()) {
      List<Parameter> sorted = parameters.get(step.method());
      Set<String> used = sorted.stream()
          .filter(p -> p.kind() == Parameter.Source.RESULT).map(p -> p.source().name()).collect(Collectors.toSet());
      for (Attribute dependency : step.dependsOn()) {
        SourceStep target = steps.get(dependency.value());
        if (target != null && !target.isAsync() && !used.contains(dependency.value())
            && resultTypes.containsKey(dependency.value())) {
          TypeName result = resultTypes.get(dependency.value());
          Optional<SourceParameter> input = sorted.stream()
              .filter(p -> p.kind() == Parameter.Source.INPUT && types.canReceive(result, p.source().type()))
              .map(Parameter::source).findFirst();
          input.ifPresentOrElse(
              p -> report(Messages.unusedResultBesideInput(step.name(), dependency.value(), result.toString(), p.name()),
                  p.site()),
              () -> report(Messages.unusedResult(step.name(), dependency.value(), result.toString()), dependency.site()));
        }
      }
    }
  }

  private StepTemplate stepTemplate(SourceStep step) {
    RetryAttributes retry = RetryAttributes.of(step, this::report);
    return new StepTemplate(
        step.name(),
        Workers.of(saga, step),
        step.dependencyNames(),
        inputsOf(step.method()),
        Optional.ofNullable(resultTypes.get(step.name())).map(TypeName::toString),
        retry.retry(),
        retry.timeout(),
        step.isAsync());
  }

  private Compensation compensation(SourceCompensator compensator) {
    String worker = Workers.of(saga, compensator);
    RetryAttributes retry = RetryAttributes.of(compensator, worker, this::report);
    return new Compensation(compensator.step().value(), worker, List.of(), inputsOf(compensator.method()),
        retry.retry(), retry.timeout());
  }

  private List<String> inputsOf(SourceMethod method) {
    return parameters.get(method).stream()
        .filter(p -> p.kind() == Parameter.Source.INPUT).map(p -> p.source().name()).toList();
  }

  private LauncherModel model(SagaTemplate template, ClassName launcher) {
    Map<String, Call> stepCalls = new LinkedHashMap<>();
    for (SourceStep step : saga.steps()) {
      stepCalls.put(step.name(), call(step.method(), step.dependencyNames()));
    }
    Map<String, Call> compensatorCalls = new LinkedHashMap<>();
    for (SourceCompensator compensator : saga.compensators()) {
      compensatorCalls.put(compensator.step().value(),
          call(compensator.method(), List.of(compensator.step().value())));
    }
    return new LauncherModel(template, launcher, inputTypes, resultTypes,
        Optional.of(new Binding(saga.type(), stepCalls, compensatorCalls)));
  }

  private Call call(SourceMethod method, List<String> dependencies) {
    List<String> inputs = inputsOf(method);
    List<Argument> arguments = parameters.get(method).stream().map(p -> {
      String name = p.source().name();
      return switch (p.kind()) {
        case CONTEXT -> (Argument) new Argument.Context();
        case RESULT -> new Argument.Result(name, dependencies.indexOf(name), p.source().type());
        case INPUT -> new Argument.Input(name, inputs.indexOf(name), p.source().type());
      };
    }).toList();
    return new Call(method.name(), !method.returns().equals(TypeName.VOID), arguments);
  }

  private void report(Problem problem, Site site) {
    reports.add(new Report(problem, site));
  }

  /** A parameter sorted by where its value comes from, with the step or compensator that declares it. */
  private record Parameter(SourceParameter source, Source kind, String party) {
    enum Source { CONTEXT, RESULT, INPUT }
  }
}
