package io.brokkr.processor.names;

import io.brokkr.dsl.Saga;
import io.brokkr.dsl.Step;
import java.util.List;

/**
 * Inputs and a step named like what the generated launcher declares itself: the parameters of
 * {@code register} and {@code start}, the lambdas' parameters and a type-token constant.
 */
@Saga
public class NamesSaga {
  @Step
  public String saga(String results, String brokkr, int step, List<String> LIST_OF_STRING) {
    return results + " " + brokkr + " " + step + " " + String.join("+", LIST_OF_STRING);
  }

  @Step(dependsOn = "saga")
  public String greeting(String saga, String results) {
    return saga + " / " + results;
  }
}
