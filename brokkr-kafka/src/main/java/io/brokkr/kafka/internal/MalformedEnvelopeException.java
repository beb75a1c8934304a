package io.brokkr.kafka.internal;

/** A message that is not an envelope this version reads; its message is the dead letter's reason. */
public final class MalformedEnvelopeException extends Exception {
  private static final long serialVersionUID = 1L;

  MalformedEnvelopeException(String reason) {
    super(reason);
  }
}
