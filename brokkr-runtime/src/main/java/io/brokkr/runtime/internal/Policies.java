package io.brokkr.runtime.internal;

import io.brokkr.dsl.Problem;
import io.brokkr.dsl.RetryPolicy;
import io.brokkr.dsl.RetrySpec;
import io.brokkr.dsl.SagaTemplate;
import io.brokkr.dsl.StepTemplate;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * Checks of retry policies and timeouts given at run time. The one validator of {@code brokkr-dsl}
 * checks them as part of a template, so a one-step template borrows its checks and its wording.
 */
public final class Policies {
  private Policies() {}

  /**
   * Checks a retry policy.
   *
   * @param what names the option in the message, e.g. {@code defaultRetryPolicy}
   * @throws IllegalArgumentException quoting every bad value
   */
  public static RetryPolicy checkRetry(RetryPolicy policy, String what) {
    check(what, RetrySpec.of(policy), Optional.empty());
    return policy;
  }

  /**
   * Checks an attempt timeout.
   *
   * @throws IllegalArgumentException quoting the value when it is not positive
   */
  public static Duration checkTimeout(Duration timeout, String what) {
    check(what, RetrySpec.NODE_DEFAULT, Optional.of(timeout));
    return timeout;
  }

  private static void check(String what, RetrySpec retry, Optional<Duration> timeout) {
    StepTemplate step = new StepTemplate(what, "worker", List.of(), List.of(), Optional.empty(), retry, timeout, false);
    List<Problem> problems = new SagaTemplate("options", List.of(), List.of(step), List.of()).validate().problems();
    if (!problems.isEmpty()) {
      throw new IllegalArgumentException(problems.stream().map(Problem::toString).collect(Collectors.joining("; ")));
    }
  }
}
