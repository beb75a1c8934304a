package io.brokkr.runtime.spi;

import java.util.Objects;

/** A store refused an operation, which changed nothing. */
public final class StoreRejectedException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  /** Why the store refused. */
  private final Rejection reason;

  /**
   * Prefer {@link Rejection#of}, which words the message.
   *
   * @param reason why the store refused
   * @param message the message, naming the saga and what was wrong
   */
  public StoreRejectedException(Rejection reason, String message) {
    super(message);
    this.reason = Objects.requireNonNull(reason, "reason");
  }

  /** {@return why the store refused; {@link Rejection#isBadArgument()} tells a bad call from a late one} */
  public Rejection reason() {
    return reason;
  }
}
