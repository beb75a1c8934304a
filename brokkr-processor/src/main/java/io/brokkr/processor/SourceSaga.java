package io.brokkr.processor;

import com.palantir.javapoet.ClassName;
import java.util.List;
import java.util.Optional;

/**
 * A {@code @Saga} class as written, before any check: what {@code SagaReader} takes from the source.
 *
 * @param type the saga class
 * @param name the saga's name: the annotation's value, else the class's simple name
 * @param nesting whether the generated launcher can reach the class
 * @param site the class
 * @param annotation the class's {@code @Saga}
 * @param nameValue the {@code @Saga} value, when one is given
 * @param typeParameter the class's first type parameter, when it is generic
 * @param steps the {@code @Step} methods in declaration order
 * @param compensators the {@code @Compensate} methods in declaration order
 */
record SourceSaga(
    ClassName type,
    String name,
    Nesting nesting,
    Site site,
    Site annotation,
    Optional<Site> nameValue,
    Optional<Site> typeParameter,
    List<SourceStep> steps,
    List<SourceCompensator> compensators) {

  SourceSaga {
    steps = List.copyOf(steps);
    compensators = List.copyOf(compensators);
  }

  /** Whether the launcher, generated in the same package, can use the class. */
  enum Nesting { REACHABLE, INNER, PRIVATE }
}
