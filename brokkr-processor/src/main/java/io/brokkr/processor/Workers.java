package io.brokkr.processor;

import io.brokkr.dsl.Messages;
import io.brokkr.dsl.Problem;
import io.brokkr.dsl.StepTemplate;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.function.BiConsumer;

/**
 * The worker names of an annotated saga: a step's {@code worker}, else {@code <Saga>.<step>}; a
 * compensator's {@code <Saga>.<method>}. The launcher registers one worker per step and compensator,
 * and a node takes each name once, so two on one name would compile and then make {@code register}
 * throw: they are checked here.
 */
final class Workers {
  private Workers() {}

  static String of(SourceSaga saga, SourceStep step) {
    return step.nonEmpty("worker").orElse(StepTemplate.defaultWorker(saga.name(), step.name()));
  }

  static String of(SourceSaga saga, SourceCompensator compensator) {
    return of(saga, compensator.method());
  }

  /** The worker of the compensator {@code method}. */
  static String of(SourceSaga saga, SourceMethod method) {
    return StepTemplate.defaultWorker(saga.name(), method.name());
  }

  /**
   * Reports every step or compensator whose worker name an earlier one has, on its {@code worker}
   * value, else its name. {@code steps} holds the first step of each name: a second step of one name
   * is a duplicate step, not reported again here.
   */
  static void check(SourceSaga saga, Map<String, SourceStep> steps, BiConsumer<Problem, Site> report) {
    Map<String, Owner> owners = new HashMap<>();
    for (SourceStep step : saga.steps()) {
      if (steps.get(step.name()) == step) {
        Site site = step.nonEmpty("worker").isPresent() ? step.method().siteOf("worker") : step.nameSite();
        claim(owners, of(saga, step), new Owner(step.name(), Optional.empty()), site, report);
      }
    }
    for (SourceCompensator compensator : saga.compensators()) {
      claim(owners, of(saga, compensator), new Owner(compensator.step().value(),
          Optional.of(compensator.method().name())), compensator.method().site(), report);
    }
  }

  private static void claim(Map<String, Owner> owners, String worker, Owner owner, Site site,
      BiConsumer<Problem, Site> report) {
    Owner first = owners.putIfAbsent(worker, owner);
    if (first != null) {
      report.accept(Messages.duplicateWorker(worker, owner.step(), owner.compensator(), first.step(),
          first.compensator()), site);
    }
  }

  /** A step, or the compensator {@code compensator} of step {@code step}: what runs on a worker. */
  private record Owner(String step, Optional<String> compensator) {}
}
