package io.brokkr.dsl;

import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * Builds every problem message of the catalog, so that the validator, the processor, the plugin and
 * the tests share one wording. Each message says what is wrong, names both parties and suggests a fix.
 */
public final class Messages {
  /**
   * The subject of a problem with a compensator's retry or timeout attribute is this prefix followed
   * by the attribute, e.g. {@code compensateWith/maxAttempts}, so that front ends point at the
   * compensator's value rather than the step's.
   */
  public static final String COMPENSATOR_SUBJECT = "compensateWith/";

  private static final String RETRY_DURATION_RULE = "must be a duration such as 100ms, 10s or PT10S";

  private Messages() {}

  /**
   * How every message names a step: {@code step "s"}.
   *
   * @param step the step's name
   * @return the step, named for a message
   */
  public static String stepParty(String step) {
    return "step \"" + step + "\"";
  }

  /**
   * How every message names a compensator, whether it is a method, a YAML entry or a builder call: by
   * its worker and the step it compensates, {@code compensator "Saga.undo" of step "s"}.
   *
   * @param step the step it compensates
   * @param worker the compensator's worker name
   * @return the compensator, named for a message
   */
  public static String compensatorParty(String step, String worker) {
    return "compensator \"" + worker + "\" of " + stepParty(step);
  }

  /**
   * A YAML text that is not well-formed; {@code detail} is the parser's explanation.
   *
   * @param detail the parser's explanation
   * @return the problem, of kind {@link ProblemKind#YAML_SYNTAX}
   */
  public static Problem yamlSyntax(String detail) {
    return new Problem(ProblemKind.YAML_SYNTAX, Optional.empty(), "malformed YAML: " + detail);
  }

  /**
   * A YAML node of the wrong shape, an unknown or repeated key, or a missing one.
   *
   * @param step the step whose entry holds the node; empty for a node outside the steps
   * @param message the whole message: what is wrong and how to fix it
   * @return the problem, of kind {@link ProblemKind#YAML_STRUCTURE}
   */
  public static Problem yamlStructure(Optional<String> step, String message) {
    return new Problem(ProblemKind.YAML_STRUCTURE, step, message);
  }

  /**
   * A saga without steps.
   *
   * @param saga the saga's name
   * @return the problem, of kind {@link ProblemKind#EMPTY_SAGA}
   */
  public static Problem emptySaga(String saga) {
    return new Problem(ProblemKind.EMPTY_SAGA, Optional.empty(),
        "saga \"" + saga + "\" has no steps; add at least one step");
  }

  /**
   * {@code what} is e.g. "saga", "step", "worker" or "input".
   *
   * @param step the step whose entry holds the name; empty for a name outside the steps
   * @param what what the name names: {@code saga}, {@code step}, {@code worker} or {@code input}
   * @param name the name as written; the message escapes control characters
   * @return the problem, of kind {@link ProblemKind#INVALID_NAME}
   */
  public static Problem invalidName(Optional<String> step, String what, String name) {
    return new Problem(ProblemKind.INVALID_NAME, step,
        "invalid " + what + " name \"" + Names.escape(name) + "\": " + Names.RULE, Optional.of(name));
  }

  /**
   * The second and later steps of one name.
   *
   * @param step the repeated step's name
   * @return the problem, of kind {@link ProblemKind#DUPLICATE_STEP}
   */
  public static Problem duplicateStep(String step) {
    return new Problem(ProblemKind.DUPLICATE_STEP, Optional.of(step),
        "step \"" + step + "\" is declared more than once; give each step its own name");
  }

  /**
   * The second and later inputs of one name.
   *
   * @param input the repeated input's name
   * @return the problem, of kind {@link ProblemKind#DUPLICATE_INPUT}
   */
  public static Problem duplicateInput(String input) {
    return new Problem(ProblemKind.DUPLICATE_INPUT, Optional.empty(),
        "input \"" + input + "\" is declared more than once; give each input its own name",
        Optional.of(input));
  }

  /**
   * A dependency on an undeclared step, with the closest step name if one is close.
   *
   * @param step the step that lists the dependency
   * @param dependency the undeclared name it lists
   * @param suggestion the declared name closest to it, offered as "did you mean"; empty when none is close
   * @return the problem, of kind {@link ProblemKind#UNKNOWN_DEPENDENCY}
   */
  public static Problem unknownDependency(String step, String dependency, Optional<String> suggestion) {
    return new Problem(ProblemKind.UNKNOWN_DEPENDENCY, Optional.of(step),
        "step \"" + step + "\" depends on unknown step \"" + dependency + "\"; "
            + suggestion.map(s -> "did you mean \"" + s + "\"?")
                .orElse("declare that step or remove it from dependsOn"),
        Optional.of(dependency));
  }

  /**
   * A dependency a step lists more than once.
   *
   * @param step the step that lists the dependency twice
   * @param dependency the name of the step depended on
   * @return the problem, of kind {@link ProblemKind#DUPLICATE_DEPENDENCY}
   */
  public static Problem duplicateDependency(String step, String dependency) {
    return new Problem(ProblemKind.DUPLICATE_DEPENDENCY, Optional.of(step),
        "step \"" + step + "\" lists dependency \"" + dependency + "\" more than once; list it once",
        Optional.of(dependency));
  }

  /**
   * A step listed in its own dependencies.
   *
   * @param step the step that depends on itself
   * @return the problem, of kind {@link ProblemKind#SELF_DEPENDENCY}
   */
  public static Problem selfDependency(String step) {
    return new Problem(ProblemKind.SELF_DEPENDENCY, Optional.of(step),
        "step \"" + step + "\" depends on itself; remove \"" + step + "\" from its dependsOn",
        Optional.of(step));
  }

  /**
   * {@code path} starts and ends with the same step; each step depends on the next.
   *
   * @param path the steps of the cycle, from the first in declaration order, that step repeated at the end
   * @return the problem, of kind {@link ProblemKind#CYCLE}
   */
  public static Problem cycle(List<String> path) {
    return new Problem(ProblemKind.CYCLE, Optional.of(path.get(0)),
        "dependency cycle: " + String.join(" -> ", path)
            + " (each step depends on the next); remove one of these dependencies");
  }

  /**
   * An undeclared input, with the closest input name if one is close.
   *
   * @param step the step that uses the input
   * @param input the undeclared name it uses
   * @param suggestion the declared name closest to it, offered as "did you mean"; empty when none is close
   * @return the problem, of kind {@link ProblemKind#UNKNOWN_INPUT}
   */
  public static Problem unknownInput(String step, String input, Optional<String> suggestion) {
    return new Problem(ProblemKind.UNKNOWN_INPUT, Optional.of(step),
        "step \"" + step + "\" uses unknown input \"" + input + "\"; "
            + suggestion.map(s -> "did you mean \"" + s + "\"?")
                .orElse("declare the input in the saga's inputs"),
        Optional.of(input));
  }

  /**
   * A compensator of an undeclared step, with the closest step name if one is close.
   *
   * @param compensator the compensator's worker name
   * @param step the undeclared step it names
   * @param suggestion the declared name closest to it, offered as "did you mean"; empty when none is close
   * @return the problem, of kind {@link ProblemKind#UNKNOWN_COMPENSATED_STEP}
   */
  public static Problem unknownCompensatedStep(
      String compensator, String step, Optional<String> suggestion) {
    return new Problem(ProblemKind.UNKNOWN_COMPENSATED_STEP, Optional.of(step),
        compensatorParty(step, compensator) + " compensates a step this saga does not declare; "
            + suggestion.map(s -> "did you mean \"" + s + "\"?")
                .orElse("name a step of this saga"));
  }

  /**
   * A step with several compensators, named by their workers.
   *
   * @param step the step with several compensators
   * @param compensators the compensators' worker names, in declaration order
   * @return the problem, of kind {@link ProblemKind#DUPLICATE_COMPENSATION}
   */
  public static Problem duplicateCompensation(String step, List<String> compensators) {
    return new Problem(ProblemKind.DUPLICATE_COMPENSATION, Optional.of(step),
        "step \"" + step + "\" has more than one compensator ("
            + compensators.stream().map(c -> "\"" + c + "\"").collect(Collectors.joining(", "))
            + "); keep one");
  }

  /**
   * A retry attribute out of range; {@code rule} says what it must be, e.g. "must be at least 1".
   *
   * @param attribute maxAttempts, backoff, backoffMultiplier or maxBackoff
   * @param step the step the problem is about, by name
   * @param rule what the value must be, e.g. {@code must be at least 1}
   * @param value the value as written, quoted in the message
   * @return the problem, of kind {@link ProblemKind#INVALID_RETRY}
   */
  public static Problem invalidRetry(String step, String attribute, String rule, String value) {
    return policy(ProblemKind.INVALID_RETRY, step, Optional.empty(), attribute,
        attribute + " " + rule + ", was \"" + value + "\"");
  }

  /**
   * A retry attribute of the compensator {@code worker} of {@code step} out of range; see {@link #invalidRetry}.
   *
   * @param step the step the problem is about, by name
   * @param worker the compensator's worker name, e.g. {@code Saga.undo}
   * @param attribute the attribute as written: maxAttempts, backoff, backoffMultiplier or maxBackoff
   * @param rule what the value must be, e.g. {@code must be at least 1}
   * @param value the value as written, quoted in the message
   * @return the problem, of kind {@link ProblemKind#INVALID_RETRY}
   */
  public static Problem invalidCompensatorRetry(
      String step, String worker, String attribute, String rule, String value) {
    return policy(ProblemKind.INVALID_RETRY, step, Optional.of(worker), attribute,
        attribute + " " + rule + ", was \"" + value + "\"");
  }

  /**
   * A retry duration that is not a duration at all.
   *
   * @param step the step the problem is about, by name
   * @param attribute the attribute as written: maxAttempts, backoff, backoffMultiplier or maxBackoff
   * @param value the value as written, quoted in the message
   * @return the problem, of kind {@link ProblemKind#INVALID_RETRY}
   */
  public static Problem unreadableRetryDuration(String step, String attribute, String value) {
    return invalidRetry(step, attribute, RETRY_DURATION_RULE, value);
  }

  /**
   * A retry duration of the compensator {@code worker} of {@code step} that is not a duration at all.
   *
   * @param step the step the problem is about, by name
   * @param worker the compensator's worker name, e.g. {@code Saga.undo}
   * @param attribute the attribute as written: maxAttempts, backoff, backoffMultiplier or maxBackoff
   * @param value the value as written, quoted in the message
   * @return the problem, of kind {@link ProblemKind#INVALID_RETRY}
   */
  public static Problem unreadableCompensatorRetryDuration(
      String step, String worker, String attribute, String value) {
    return invalidCompensatorRetry(step, worker, attribute, RETRY_DURATION_RULE, value);
  }

  /**
   * A timeout that is not a duration at all.
   *
   * @param step the step the problem is about, by name
   * @param value the timeout as written, quoted in the message
   * @return the problem, of kind {@link ProblemKind#INVALID_TIMEOUT}
   */
  public static Problem unreadableTimeout(String step, String value) {
    return policy(ProblemKind.INVALID_TIMEOUT, step, Optional.empty(), "timeout", unreadableTimeoutText(value));
  }

  /**
   * A timeout of the compensator {@code worker} of {@code step} that is not a duration at all.
   *
   * @param step the step the problem is about, by name
   * @param worker the compensator's worker name, e.g. {@code Saga.undo}
   * @param value the timeout as written, quoted in the message
   * @return the problem, of kind {@link ProblemKind#INVALID_TIMEOUT}
   */
  public static Problem unreadableCompensatorTimeout(String step, String worker, String value) {
    return policy(ProblemKind.INVALID_TIMEOUT, step, Optional.of(worker), "timeout", unreadableTimeoutText(value));
  }

  private static String unreadableTimeoutText(String value) {
    return "timeout must be a duration such as 30s, 2m or PT30S, was \"" + value + "\"";
  }

  /**
   * A timeout that is zero or negative.
   *
   * @param step the step the problem is about, by name
   * @param value the timeout as written, quoted in the message
   * @return the problem, of kind {@link ProblemKind#INVALID_TIMEOUT}
   */
  public static Problem invalidTimeout(String step, String value) {
    return policy(ProblemKind.INVALID_TIMEOUT, step, Optional.empty(), "timeout",
        "timeout must be positive, was \"" + value + "\"");
  }

  /**
   * A timeout of the compensator {@code worker} of {@code step} that is zero or negative.
   *
   * @param step the step the problem is about, by name
   * @param worker the compensator's worker name, e.g. {@code Saga.undo}
   * @param value the timeout as written, quoted in the message
   * @return the problem, of kind {@link ProblemKind#INVALID_TIMEOUT}
   */
  public static Problem invalidCompensatorTimeout(String step, String worker, String value) {
    return policy(ProblemKind.INVALID_TIMEOUT, step, Optional.of(worker), "timeout",
        "timeout must be positive, was \"" + value + "\"");
  }

  /**
   * A problem with a retry or timeout attribute of a step, or of its compensator {@code worker}:
   * {@code step "s": detail} or {@code compensator "w" of step "s": detail}.
   */
  private static Problem policy(
      ProblemKind kind, String step, Optional<String> compensator, String attribute, String detail) {
    String owner = compensator.map(w -> compensatorParty(step, w)).orElse(stepParty(step));
    String subject = compensator.map(w -> COMPENSATOR_SUBJECT + attribute).orElse(attribute);
    return new Problem(kind, Optional.of(step), owner + ": " + detail, Optional.of(subject));
  }

  // Checks only the annotation processor can make: Java types, modifiers and parameters.

  /**
   * A {@code @Saga} class nested without {@code static}, or declared inside a method.
   *
   * @param className the class's qualified name
   * @return the problem, of kind {@link ProblemKind#SAGA_CLASS}
   */
  public static Problem innerSagaClass(String className) {
    return new Problem(ProblemKind.SAGA_CLASS, Optional.empty(),
        "saga class \"" + className + "\" is an inner class, so its launcher cannot reach it;"
            + " declare it static or move it to the top level");
  }

  /**
   * A private {@code @Saga} class, which its launcher cannot reach.
   *
   * @param className the class's qualified name
   * @return the problem, of kind {@link ProblemKind#SAGA_CLASS}
   */
  public static Problem privateSagaClass(String className) {
    return new Problem(ProblemKind.SAGA_CLASS, Optional.empty(),
        "saga class \"" + className + "\" is private, so its launcher cannot reach it;"
            + " make it package-private or public");
  }

  /**
   * {@code owner} is the step or compensator, as {@link #stepParty} or {@link #compensatorParty} name
   * it; {@code modifier} is "private" or "static".
   *
   * @param step the step of the method (the step it compensates, for a compensator)
   * @param owner the step or compensator, as {@link #stepParty} or {@link #compensatorParty} name it
   * @param method the method's name
   * @param modifier the modifier to remove
   * @return the problem, of kind {@link ProblemKind#METHOD_MODIFIER}
   */
  public static Problem methodModifier(String step, String owner, String method, String modifier) {
    return new Problem(ProblemKind.METHOD_MODIFIER, Optional.of(step),
        owner + ": method \"" + method + "\" must not be " + modifier
            + ": the launcher calls it on the saga object given to register; remove \"" + modifier + "\"");
  }

  /**
   * An async step whose method returns a value.
   *
   * @param step the async step
   * @param returnType its method's return type
   * @return the problem, of kind {@link ProblemKind#ASYNC_RESULT}
   */
  public static Problem asyncResult(String step, String returnType) {
    return new Problem(ProblemKind.ASYNC_RESULT, Optional.of(step),
        "async step \"" + step + "\" returns " + returnType + ", but an async step is finished from"
            + " outside, with its result; declare the method void");
  }

  /**
   * {@code owner} is the step or compensator that has the parameter, as {@link #stepParty} names it.
   *
   * @param owner the step or compensator, as {@link #stepParty} or {@link #compensatorParty} name it
   * @param parameter the parameter's name
   * @param parameterType the parameter's type
   * @param step the step whose result the parameter asks for
   * @param resultType the type of the step's result
   * @return the problem, of kind {@link ProblemKind#PARAMETER_TYPE}
   */
  public static Problem parameterType(String owner, String parameter, String parameterType,
      String step, String resultType) {
    return new Problem(ProblemKind.PARAMETER_TYPE, Optional.of(step),
        "parameter \"" + parameter + "\" of " + owner + " has type " + parameterType
            + ", which cannot accept the result of step \"" + step + "\" (" + resultType + ");"
            + " declare it as " + resultType);
  }

  /**
   * A parameter named like a step that is not among the method's dependencies.
   *
   * @param step the step whose method has the parameter
   * @param parameter the parameter, named like another step
   * @return the problem, of kind {@link ProblemKind#UNDECLARED_DEPENDENCY}
   */
  public static Problem undeclaredDependency(String step, String parameter) {
    return new Problem(ProblemKind.UNDECLARED_DEPENDENCY, Optional.of(step),
        "parameter \"" + parameter + "\" of step \"" + step + "\" is named like step \"" + parameter
            + "\", which \"" + step + "\" does not depend on; add \"" + parameter
            + "\" to dependsOn or rename the parameter");
  }

  /**
   * A dependency whose result no parameter receives (a warning).
   *
   * @param step the step that depends on it
   * @param dependency the name of the step depended on
   * @param resultType the type of the dependency's result
   * @return the problem, of kind {@link ProblemKind#UNUSED_RESULT}
   */
  public static Problem unusedResult(String step, String dependency, String resultType) {
    return new Problem(ProblemKind.UNUSED_RESULT, Optional.of(step),
        "step \"" + step + "\" depends on \"" + dependency + "\" but no parameter receives its result ("
            + resultType + "); add a parameter \"" + dependency + "\", or ignore this if only the order matters");
  }

  /**
   * A dependency whose result no parameter receives while a parameter of its result's type, named
   * otherwise, becomes a saga input (a warning, at that parameter): a step receives a dependency's
   * result only through a parameter named like the dependency.
   *
   * @param step the step that depends on it
   * @param dependency the name of the step depended on
   * @param resultType the type of the dependency's result
   * @param parameter the step's parameter of that type, which becomes a saga input
   * @return the problem, of kind {@link ProblemKind#UNUSED_RESULT}
   */
  public static Problem unusedResultBesideInput(String step, String dependency, String resultType, String parameter) {
    return new Problem(ProblemKind.UNUSED_RESULT, Optional.of(step),
        "step \"" + step + "\" depends on \"" + dependency + "\" but no parameter receives its result ("
            + resultType + "); parameter \"" + parameter + "\" has that type but another name, so it is a new saga"
            + " input: rename it \"" + dependency + "\" to receive the result, or ignore this if \"" + parameter
            + "\" is meant as an input");
  }

  /**
   * {@code owner} is the step or compensator that has the parameter, as {@link #stepParty} names it.
   *
   * @param owner the step or compensator, as {@link #stepParty} or {@link #compensatorParty} name it
   * @param parameter the parameter's name
   * @param step the step whose result the parameter asks for, which returns void
   * @return the problem, of kind {@link ProblemKind#VOID_RESULT}
   */
  public static Problem voidResult(String owner, String parameter, String step) {
    return new Problem(ProblemKind.VOID_RESULT, Optional.of(step),
        "parameter \"" + parameter + "\" of " + owner + " asks for the result of step \""
            + step + "\", which returns void; return a value from \"" + step + "\" or remove the parameter");
  }

  /**
   * One saga input asked for with two different types.
   *
   * @param input the input's name
   * @param type its type in {@code method}
   * @param method the first method that takes the input
   * @param otherType its type in {@code otherMethod}
   * @param otherMethod the other method that takes the input
   * @return the problem, of kind {@link ProblemKind#INPUT_TYPE}
   */
  public static Problem inputType(String input, String type, String method, String otherType, String otherMethod) {
    return new Problem(ProblemKind.INPUT_TYPE, Optional.empty(),
        "input \"" + input + "\" has type " + type + " in \"" + method + "\" but type " + otherType
            + " in \"" + otherMethod + "\"; use one type, or rename one of the parameters");
  }

  /**
   * {@code annotation} is "@Step" or "@Compensate".
   *
   * @param annotation the annotation on the method
   * @param method the method's name
   * @param className the class that holds the method, not annotated with {@code @Saga}
   * @return the problem, of kind {@link ProblemKind#OUTSIDE_SAGA}
   */
  public static Problem outsideSaga(String annotation, String method, String className) {
    return new Problem(ProblemKind.OUTSIDE_SAGA, Optional.empty(),
        annotation + " method \"" + method + "\" is in class \"" + className + "\", which is not a saga;"
            + " annotate \"" + className + "\" with @Saga or remove " + annotation);
  }

  /**
   * A retry or timeout attribute that {@link Durations#parse} cannot read.
   *
   * @param step the step the problem is about, by name
   * @param attribute the attribute as written: timeout, or a retry attribute
   * @param value the value as written, quoted in the message
   * @return the problem, of kind {@link ProblemKind#INVALID_TIMEOUT} for the timeout, else {@link ProblemKind#INVALID_RETRY}
   */
  public static Problem unreadableDuration(String step, String attribute, String value) {
    return policy(durationKind(attribute), step, Optional.empty(), attribute, unreadableDurationText(attribute, value));
  }

  /**
   * A retry or timeout attribute of the compensator {@code worker} of {@code step} that cannot be read.
   *
   * @param step the step the problem is about, by name
   * @param worker the compensator's worker name, e.g. {@code Saga.undo}
   * @param attribute the attribute as written: timeout, or a retry attribute
   * @param value the value as written, quoted in the message
   * @return the problem, of kind {@link ProblemKind#INVALID_TIMEOUT} for the timeout, else {@link ProblemKind#INVALID_RETRY}
   */
  public static Problem unreadableCompensatorDuration(String step, String worker, String attribute, String value) {
    return policy(durationKind(attribute), step, Optional.of(worker), attribute,
        unreadableDurationText(attribute, value));
  }

  private static ProblemKind durationKind(String attribute) {
    return attribute.equals("timeout") ? ProblemKind.INVALID_TIMEOUT : ProblemKind.INVALID_RETRY;
  }

  private static String unreadableDurationText(String attribute, String value) {
    return attribute + " \"" + value + "\" is not a duration; write e.g. 250ms, 10s, 2m, 1h, 1d or PT10S";
  }

  /**
   * An unexpected failure of the processor, with its stack trace.
   *
   * @param className the class being processed, or {@code this round}
   * @param stackTrace the exception's stack trace
   * @return the problem, of kind {@link ProblemKind#PROCESSOR_ERROR}
   */
  public static Problem processorError(String className, String stackTrace) {
    return new Problem(ProblemKind.PROCESSOR_ERROR, Optional.empty(),
        "the Brokkr processor failed on \"" + className + "\"; please report this with the stack trace:\n"
            + stackTrace);
  }

  /**
   * {@code elsewhere} names where the saga is described first, e.g. a file.
   *
   * @param saga the saga's name, described twice
   * @param elsewhere where the saga is described first, e.g. a file
   * @return the problem, of kind {@link ProblemKind#DUPLICATE_SAGA}
   */
  public static Problem duplicateSaga(String saga, String elsewhere) {
    return new Problem(ProblemKind.DUPLICATE_SAGA, Optional.empty(),
        "saga \"" + saga + "\" is also described in " + elsewhere + "; give each saga its own name");
  }

  /**
   * A saga of the previous version that is gone.
   *
   * @param saga the name of the saga that is gone
   * @return the problem, of kind {@link ProblemKind#REMOVED_SAGA}
   */
  public static Problem removedSaga(String saga) {
    return new Problem(ProblemKind.REMOVED_SAGA, Optional.empty(),
        "saga \"" + saga + "\" of the previous version is gone; sagas started from it can no longer run:"
            + " keep it until they have finished");
  }

  /**
   * A step of the previous version that is gone.
   *
   * @param saga the saga's name
   * @param step the step that is gone
   * @return the problem, of kind {@link ProblemKind#REMOVED_STEP}
   */
  public static Problem removedStep(String saga, String step) {
    return new Problem(ProblemKind.REMOVED_STEP, Optional.empty(),
        "step \"" + step + "\" of saga \"" + saga + "\" was removed; sagas started from the previous version"
            + " still run or compensate it: keep the step until they have finished, or give the saga a new name",
        Optional.of(step));
  }

  /**
   * A step that is gone while a new one runs on the same worker.
   *
   * @param saga the saga's name
   * @param before the step's name in the previous version
   * @param after the new step on the same worker
   * @param worker the worker both run on
   * @return the problem, of kind {@link ProblemKind#RENAMED_STEP}
   */
  public static Problem renamedStep(String saga, String before, String after, String worker) {
    return new Problem(ProblemKind.RENAMED_STEP, Optional.of(after),
        "step \"" + before + "\" of saga \"" + saga + "\" seems renamed to \"" + after + "\" (same worker \""
            + worker + "\"); sagas started from the previous version still know it as \"" + before
            + "\": keep the old name until they have finished, or give the saga a new name",
        Optional.of(before));
  }

  /**
   * The dependencies of a step, before and after, in declared order.
   *
   * @param saga the saga's name
   * @param step the step whose dependencies changed
   * @param before its dependencies in the previous version
   * @param after its dependencies now
   * @return the problem, of kind {@link ProblemKind#CHANGED_DEPENDENCY}
   */
  public static Problem changedDependency(String saga, String step, List<String> before, List<String> after) {
    return new Problem(ProblemKind.CHANGED_DEPENDENCY, Optional.of(step),
        "step \"" + step + "\" of saga \"" + saga + "\" now depends on " + list(after) + " instead of "
            + list(before) + "; sagas already running keep the old graph and pass results in the old order:"
            + " keep the dependencies until they have finished, or give the saga a new name");
  }

  private static String list(List<String> names) {
    return names.stream().collect(Collectors.joining(", ", "[", "]"));
  }

  /**
   * Two steps or compensators of an annotated saga on one worker name: its launcher registers a
   * worker for each, and a node takes each name once. A party is a step, or the compensator method
   * {@code compensator} of the step.
   *
   * @param step the later party's step (the step it compensates, for a compensator)
   * @param compensator the later party's method, when it is a compensator
   * @param firstStep the earlier party's step
   * @param firstCompensator the earlier party's method, when it is a compensator
   * @param worker the worker name both parties run on
   * @return the problem, of kind {@link ProblemKind#DUPLICATE_WORKER}
   */
  public static Problem duplicateWorker(String worker, String step, Optional<String> compensator,
      String firstStep, Optional<String> firstCompensator) {
    return new Problem(ProblemKind.DUPLICATE_WORKER, Optional.of(step),
        party(step, compensator, worker) + " runs on worker \"" + worker + "\", like "
            + party(firstStep, firstCompensator, worker)
            + "; the launcher registers one worker per step and compensator, and a node takes each name once: "
            + compensator.map(m -> "rename method \"" + m + "\" (a compensator runs on <Saga>.<method>)")
                .orElse("give step \"" + step + "\" its own worker name, e.g. @Step(worker = \"" + worker + "2\")"));
  }

  private static String party(String step, Optional<String> compensator, String worker) {
    return compensator.isPresent() ? compensatorParty(step, worker) : stepParty(step);
  }

  /**
   * A compensator's parameter named like a step other than the one it compensates.
   *
   * @param step the step the compensator undoes
   * @param worker the compensator's worker name, e.g. {@code Saga.undo}
   * @param parameter the parameter, named like another step
   * @return the problem, of kind {@link ProblemKind#UNDECLARED_DEPENDENCY}
   */
  public static Problem compensatorParameter(String step, String worker, String parameter) {
    return new Problem(ProblemKind.UNDECLARED_DEPENDENCY, Optional.of(step),
        "parameter \"" + parameter + "\" of " + compensatorParty(step, worker) + " is named like step \"" + parameter
            + "\", but a compensator receives only the result of the step it compensates (\"" + step + "\");"
            + " rename the parameter (a parameter named like no step is a saga input)");
  }

  /**
   * A compensator parameter that can receive its step's result but is not named like the step, so it
   * would be a saga input that only the compensator takes.
   *
   * @param step the step the compensator undoes
   * @param worker the compensator's worker name, e.g. {@code Saga.undo}
   * @param parameter the parameter's name
   * @param resultType the type of the step's result
   * @return the problem, of kind {@link ProblemKind#UNNAMED_RESULT}
   */
  public static Problem unnamedResult(String step, String worker, String parameter, String resultType) {
    return new Problem(ProblemKind.UNNAMED_RESULT, Optional.of(step),
        "parameter \"" + parameter + "\" of " + compensatorParty(step, worker) + " has the type of the result of"
            + " step \"" + step + "\" (" + resultType + ") but another name, so it would be a new saga input that"
            + " no step takes; a compensator receives its step's result through a parameter named like the step:"
            + " rename \"" + parameter + "\" to \"" + step + "\"");
  }

  /**
   * A {@code @Saga} class with type parameters.
   *
   * @param className the class's qualified name
   * @return the problem, of kind {@link ProblemKind#SAGA_CLASS}
   */
  public static Problem genericSagaClass(String className) {
    return new Problem(ProblemKind.SAGA_CLASS, Optional.empty(),
        "saga class \"" + className + "\" must not be generic: its launcher reads every value a step takes"
            + " as a concrete type, and cannot know what the type variables stand for; remove the type parameters");
  }

  /**
   * {@code owner} is the step or compensator, as {@link #stepParty} or {@link #compensatorParty} name it.
   *
   * @param step the step of the method (the step it compensates, for a compensator)
   * @param owner the step or compensator, as {@link #stepParty} or {@link #compensatorParty} name it
   * @param method the method's name
   * @return the problem, of kind {@link ProblemKind#GENERIC_METHOD}
   */
  public static Problem genericMethod(String step, String owner, String method) {
    return new Problem(ProblemKind.GENERIC_METHOD, Optional.of(step),
        owner + ": method \"" + method + "\" must not be generic: the launcher reads every value the method takes"
            + " as a concrete type, and cannot know what the type variables stand for; remove the type parameters"
            + " and use concrete types");
  }

  /**
   * A method annotated with both {@code @Step} and {@code @Compensate}; {@code step} is its step's name.
   *
   * @param step the name of the method's step
   * @param method the method's name
   * @return the problem, of kind {@link ProblemKind#STEP_AND_COMPENSATOR}
   */
  public static Problem stepAndCompensator(String step, String method) {
    return new Problem(ProblemKind.STEP_AND_COMPENSATOR, Optional.of(step),
        "method \"" + method + "\" is annotated with both @Step and @Compensate, but a method runs either a step"
            + " or a compensator; move the compensation into a method of its own");
  }

  /**
   * A parameter that cannot receive a step's result: a result travels as JSON and is read back as the
   * parameter's type, so that type must be the result's type (or its boxed or primitive twin).
   * {@code owner} is the step or compensator that has the parameter, as {@link #stepParty} names it.
   *
   * @param owner the step or compensator, as {@link #stepParty} or {@link #compensatorParty} name it
   * @param parameter the parameter's name
   * @param parameterType the parameter's type
   * @param step the step whose result the parameter asks for
   * @param resultType the type of the step's result
   * @return the problem, of kind {@link ProblemKind#PARAMETER_TYPE}
   */
  public static Problem resultType(String owner, String parameter, String parameterType,
      String step, String resultType) {
    return new Problem(ProblemKind.PARAMETER_TYPE, Optional.of(step),
        "parameter \"" + parameter + "\" of " + owner + " has type " + parameterType
            + ", which cannot receive the result of step \"" + step + "\" (" + resultType + "): a result travels as"
            + " JSON and is read back as the parameter's type, which must be the result's type (or its boxed or"
            + " primitive twin); declare it as " + resultType);
  }

  /**
   * {@code elsewhere} names where {@code otherSaga} is described, e.g. a file.
   *
   * @param saga the saga described later
   * @param launcher the launcher's qualified class name, the same for both
   * @param otherSaga the other saga, which gets the same launcher
   * @param elsewhere where the saga is described first, e.g. a file
   * @return the problem, of kind {@link ProblemKind#LAUNCHER_NAME_CLASH}
   */
  public static Problem launcherNameClash(String saga, String launcher, String otherSaga, String elsewhere) {
    return new Problem(ProblemKind.LAUNCHER_NAME_CLASH, Optional.empty(),
        "saga \"" + saga + "\" would get launcher " + launcher + ", like saga \"" + otherSaga + "\" in " + elsewhere
            + "; rename one of them so that their launchers differ");
  }

  /**
   * A step's output type that names a class the build cannot find.
   *
   * @param step the step whose output it is
   * @param type the type as written, e.g. {@code java.util.List<com.acme.Part>}
   * @param missing the class it names that is missing, as the launcher would reference it
   * @param suggestion a class of the same package with a close name, if there is one
   * @return an {@link ProblemKind#UNKNOWN_TYPE} problem about the step's {@code output}
   */
  public static Problem unknownOutputType(String step, String type, String missing, Optional<String> suggestion) {
    return new Problem(ProblemKind.UNKNOWN_TYPE, Optional.of(step),
        stepParty(step) + ": output type " + unknownType(type, missing, suggestion), Optional.of("output"));
  }

  /**
   * A saga input's type that names a class the build cannot find; the problem's subject is the
   * input's name.
   *
   * @param input the input's name
   * @param type the type as written
   * @param missing the class it names that is missing, as the launcher would reference it
   * @param suggestion a class of the same package with a close name, if there is one
   * @return an {@link ProblemKind#UNKNOWN_TYPE} problem about the input
   * @see #unknownOutputType
   */
  public static Problem unknownInputType(String input, String type, String missing, Optional<String> suggestion) {
    return new Problem(ProblemKind.UNKNOWN_TYPE, Optional.empty(),
        "input \"" + input + "\": type " + unknownType(type, missing, suggestion), Optional.of(input));
  }

  private static String unknownType(String type, String missing, Optional<String> suggestion) {
    String what = type.equals(missing)
        ? "\"" + type + "\" is not a class"
        : "\"" + type + "\" names " + missing + ", which is not a class";
    String fix = suggestion.map(s -> "did you mean \"" + s + "\"?").orElse(type.contains(missing)
        ? "check its spelling, or add the dependency that holds it"
        : "a simple name other than String, Integer and the like names a class of the launchers' package;"
            + " write the class's full name");
    return what + " on the compile classpath or in the project's sources; " + fix;
  }
}
