package io.brokkr.kafka;

import org.jspecify.annotations.Nullable;

/** A service's business function for one worker name: args in, result out. */
@FunctionalInterface
public interface StepFunction {
  /**
   * Runs one request. It may run more than once for the same step (a retried attempt, a redelivered
   * request): deduplicate its side effects by {@link ServiceCall#idempotencyKey()}.
   *
   * @param call the request's args, dependency results and idempotency key
   * @return the step's result, encodable as JSON; null for a step without result
   * @throws Exception any failure: the result envelope says the attempt failed, with the exception as reason
   */
  @Nullable Object apply(ServiceCall call) throws Exception;
}
