package io.brokkr.kafka;

/**
 * Sees what a {@link KafkaStepService} does, for metrics and logs; called on the handler's thread, so
 * keep it quick. Every method does nothing by default.
 */
public interface ServiceListener {
  /**
   * A result was published and acknowledged; its request's offset is committed after this returns.
   *
   * @param request the request handled
   * @param result the result published
   */
  default void onResultPublished(StepRequest request, StepResult result) {}

  /**
   * A request went to the dead-letter topic.
   *
   * @param worker the worker whose topic it came from
   * @param reason why
   */
  default void onDeadLetter(String worker, String reason) {}
}
