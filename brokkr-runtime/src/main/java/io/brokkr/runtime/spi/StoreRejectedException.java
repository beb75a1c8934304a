package io.brokkr.runtime.spi;

import java.util.Objects;

/** A store refused an operation, which changed nothing. */
public final class StoreRejectedException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  private final Rejection reason;

  /** Prefer {@link Rejection#of}, which words the message. */
  public StoreRejectedException(Rejection reason, String message) {
    super(message);
    this.reason = Objects.requireNonNull(reason, "reason");
  }

  /** Why. */
  public Rejection reason() {
    return reason;
  }
}
