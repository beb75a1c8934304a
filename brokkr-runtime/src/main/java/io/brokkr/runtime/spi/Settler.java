package io.brokkr.runtime.spi;

/** Who settles a step: the attempt holding a fencing token, or someone outside the engine. */
public sealed interface Settler {

  /**
   * The attempt that holds {@code token}: rejected when a newer attempt started or the step settled.
   *
   * @param token the fencing token of the attempt's lease
   */
  record Attempt(long token) implements Settler {}

  /**
   * A caller outside the engine ({@code saga.stepFinished}, a Kafka consumer): settles a QUEUED or
   * RUNNING step whatever its attempt, and a failure from outside is final (not retried).
   */
  record External() implements Settler {}

  /**
   * {@return the attempt holding {@code token}}
   *
   * @param token the fencing token of the attempt's lease ({@link Lease#token()})
   */
  static Settler attempt(long token) {
    return new Attempt(token);
  }

  /** {@return a caller outside the engine} */
  static Settler external() {
    return new External();
  }
}
