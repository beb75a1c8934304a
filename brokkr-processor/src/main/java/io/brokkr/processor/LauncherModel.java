package io.brokkr.processor;

import com.palantir.javapoet.ClassName;
import com.palantir.javapoet.TypeName;
import io.brokkr.dsl.SagaTemplate;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Everything the emitter needs to write a launcher: the emitter's whole input.
 *
 * @param template the valid saga template
 * @param launcher the launcher class to generate
 * @param inputTypes the Java type of every template input
 * @param resultTypes the Java type of the result of every step that has one
 * @param binding how the launcher calls the methods of an annotated saga class; empty for a
 *     template alone, whose launcher has no {@code register} method
 */
record LauncherModel(
    SagaTemplate template,
    ClassName launcher,
    Map<String, TypeName> inputTypes,
    Map<String, TypeName> resultTypes,
    Optional<Binding> binding) {

  LauncherModel {
    inputTypes = Map.copyOf(inputTypes);
    resultTypes = Map.copyOf(resultTypes);
  }

  /**
   * The methods of a saga class that run its steps and compensators.
   *
   * @param sagaClass the annotated class
   * @param steps the call that runs each step, by step name
   * @param compensators the call that runs each compensator, by compensated step name
   */
  record Binding(ClassName sagaClass, Map<String, Call> steps, Map<String, Call> compensators) {
    Binding {
      steps = Map.copyOf(steps);
      compensators = Map.copyOf(compensators);
    }
  }

  /**
   * A call of a saga method from a worker.
   *
   * @param method the method's name
   * @param returnsValue whether the method returns a value (the worker's result)
   * @param arguments what the worker passes for each parameter, in order
   */
  record Call(String method, boolean returnsValue, List<Argument> arguments) {
    Call {
      arguments = List.copyOf(arguments);
    }
  }

  /** Where a worker takes the value of one parameter from. */
  sealed interface Argument {
    /** Arg {@code index} of the step: a saga input. */
    record Input(int index, TypeName type) implements Argument {}

    /** The result of dependency {@code index}; for a compensator, 0 is the compensated step. */
    record Result(int index, TypeName type) implements Argument {}

    /** The step's {@code StepContext}. */
    record Context() implements Argument {}
  }
}
