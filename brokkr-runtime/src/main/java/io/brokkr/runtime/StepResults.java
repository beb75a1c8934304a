package io.brokkr.runtime;

import java.util.Set;

/** The results of a saga's finished steps, read as the caller's types. */
public interface StepResults {

  /** {@return the ids of the steps that finished with a result} */
  Set<String> stepIds();

  /**
   * {@return the result of a step read as {@code type}}
   *
   * @param <T> the type to read
   * @param stepId the step (for a saga started from a template, the step's name)
   * @param type the class to read the result's JSON as
   * @throws java.util.NoSuchElementException when the step did not finish with a result
   */
  <T> T get(String stepId, Class<T> type);

  /**
   * {@return the result of a step read as a generic type}
   *
   * @param <T> the type to read
   * @param stepId the step (for a saga started from a template, the step's name)
   * @param type the type to read the result's JSON as, e.g. {@code new TypeRef<List<Part>>() {}}
   * @throws java.util.NoSuchElementException when the step did not finish with a result
   */
  <T> T get(String stepId, TypeRef<T> type);
}
