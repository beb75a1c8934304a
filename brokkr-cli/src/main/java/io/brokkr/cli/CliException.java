package io.brokkr.cli;

/** A failure the command explains in one line: nothing found, a refusal, an unreadable file. */
final class CliException extends Exception {
  private static final long serialVersionUID = 1L;

  CliException(String message) {
    super(message);
  }

  CliException(String message, Throwable cause) {
    super(message, cause);
  }
}
