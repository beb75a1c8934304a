package io.brokkr.runtime.internal;

import io.brokkr.runtime.StepResults;
import io.brokkr.runtime.TypeRef;
import java.lang.reflect.Type;
import java.util.Collections;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Set;

/** The JSON results of a saga's steps, read as the caller's types when asked. */
final class Results implements StepResults {
  private final String sagaId;
  private final Map<String, String> results;
  private final Json json;

  /**
   * @param results the results by step id, in the order the steps were added: handed over, never
   *     changed after (a settling's results, or a map made for this), so not copied: every outcome makes one
   */
  Results(String sagaId, Map<String, String> results, Json json) {
    this.sagaId = sagaId;
    this.results = Collections.unmodifiableMap(results);
    this.json = json;
  }

  @Override
  public Set<String> stepIds() {
    return results.keySet();
  }

  @Override
  public <T> T get(String stepId, Class<T> type) {
    return read(stepId, type);
  }

  @Override
  public <T> T get(String stepId, TypeRef<T> type) {
    return read(stepId, type.type());
  }

  private <T> T read(String stepId, Type type) {
    String result = results.get(stepId);
    if (result == null) {
      throw new NoSuchElementException("step \"" + stepId + "\" of saga " + sagaId
          + " did not finish with a result; steps with results: " + results.keySet());
    }
    return json.read(result, type, () -> "the result of step \"" + stepId + "\"");
  }

  @Override
  public String toString() {
    return results.toString();
  }
}
