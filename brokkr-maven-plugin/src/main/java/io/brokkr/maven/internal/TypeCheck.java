package io.brokkr.maven.internal;

import com.palantir.javapoet.ClassName;
import io.brokkr.dsl.Messages;
import io.brokkr.dsl.Names;
import io.brokkr.dsl.Problem;
import io.brokkr.dsl.SagaInput;
import io.brokkr.dsl.SagaTemplate;
import io.brokkr.dsl.StepTemplate;
import io.brokkr.processor.LauncherEmitter;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.BiFunction;

/**
 * Checks that every class a YAML saga's input and output types name exists, before its launcher is
 * emitted: otherwise javac would fail on the launcher ("cannot find symbol"), far from the YAML line
 * that names the class. Each class is read as the launcher reads it (through the emitter), so a
 * simple name is a class of the launchers' package here too.
 */
final class TypeCheck {
  private TypeCheck() {}

  /**
   * A {@code Brokkr/UnknownType} problem for every missing class, in the order the saga declares its
   * inputs and steps. A type that is not Java at all is left to the emitter, which reports it.
   *
   * @param packageName the launchers' package
   */
  static List<Problem> check(SagaTemplate saga, String packageName, ProjectClasses classes) {
    List<Problem> problems = new ArrayList<>();
    for (SagaInput input : saga.inputs()) {
      check(input.type(), packageName, classes, problems,
          (missing, suggestion) -> Messages.unknownInputType(input.name(), input.type(), missing, suggestion));
    }
    for (StepTemplate step : saga.steps()) {
      step.outputType().ifPresent(type -> check(type, packageName, classes, problems,
          (missing, suggestion) -> Messages.unknownOutputType(step.name(), type, missing, suggestion)));
    }
    return problems;
  }

  private static void check(String type, String packageName, ProjectClasses classes, List<Problem> problems,
      BiFunction<String, Optional<String>, Problem> unknown) {
    List<ClassName> named;
    try {
      named = LauncherEmitter.classesNamedBy(type, packageName);
    } catch (IllegalArgumentException e) {
      return;
    }
    for (ClassName name : named) {
      if (!classes.exists(name)) {
        problems.add(unknown.apply(name.canonicalName(), suggestion(name, classes)));
      }
    }
  }

  /**
   * A class of the same package whose name is close to the missing top-level class's, with the
   * same nested names: {@code com.acme.Receipt} for {@code com.acme.Recipt}.
   */
  private static Optional<String> suggestion(ClassName missing, ProjectClasses classes) {
    ClassName top = missing.topLevelClassName();
    if (classes.exists(top)) {
      return Optional.empty();
    }
    return Names.suggest(top.simpleName(), classes.topLevelClasses(missing.packageName())).map(close -> {
      List<String> simpleNames = new ArrayList<>(missing.simpleNames());
      simpleNames.set(0, close);
      return ClassName.get(missing.packageName(), simpleNames.get(0),
          simpleNames.subList(1, simpleNames.size()).toArray(String[]::new)).canonicalName();
    });
  }
}
