package io.brokkr.cli;

import java.io.PrintWriter;
import java.util.Optional;
import org.redisson.client.RedisConnectionException;

/** Turns a failure into the one line a command prints, and prints it. */
final class Failures {
  private Failures() {}

  /** Prints {@code brokkr: <what went wrong>} on {@code err}, and the stack trace when verbose. */
  static void report(Throwable failure, PrintWriter err, boolean verbose) {
    err.println("brokkr: " + describe(failure));
    if (verbose) {
      failure.printStackTrace(err);
    }
    err.flush();
  }

  static String describe(Throwable failure) {
    if (failure instanceof CliException) {
      return failure.getMessage();
    }
    return redisError(failure).orElseGet(() -> {
      Throwable root = root(failure);
      String message = Optional.ofNullable(root.getMessage()).orElse("");
      boolean plain = root instanceof IllegalArgumentException || root instanceof IllegalStateException;
      return plain && !message.isEmpty() ? message : root.getClass().getName() + (message.isEmpty() ? "" : ": " + message);
    });
  }

  /** Why connecting to {@code url} failed, in one line. */
  static String redisProblem(Throwable failure, RedisUrl url) {
    Optional<String> known = redisError(failure);
    if (known.isPresent()) {
      return "Redis at " + url.shown() + ": " + known.get();
    }
    if (failure instanceof RedisConnectionException || root(failure) instanceof java.net.ConnectException) {
      return "cannot connect to Redis at " + url.shown() + ": " + firstLine(Optional.ofNullable(root(failure).getMessage()).orElse(""));
    }
    return "cannot connect to Redis at " + url.shown() + ": " + describe(failure);
  }

  /** An error Redis answered with (WRONGPASS, NOAUTH, NOPERM), explained. */
  private static Optional<String> redisError(Throwable failure) {
    for (Throwable t = failure; t != null; t = t.getCause()) {
      String message = Optional.ofNullable(t.getMessage()).orElse("");
      if (message.contains("WRONGPASS")) {
        return Optional.of("the user or password was refused (WRONGPASS); check --user and --password"
            + " (or BROKKR_USER, BROKKR_PASSWORD)");
      }
      if (message.contains("NOAUTH")) {
        return Optional.of("a password is required (NOAUTH); give --password (or BROKKR_PASSWORD)");
      }
      if (message.contains("NOPERM")) {
        return Optional.of("the ACL user may not do this (NOPERM): " + firstLine(message.substring(message.indexOf("NOPERM"))));
      }
    }
    return Optional.empty();
  }

  private static Throwable root(Throwable failure) {
    Throwable root = failure;
    while (root.getCause() != null && root.getCause() != root) {
      root = root.getCause();
    }
    return root;
  }

  private static String firstLine(String text) {
    String line = text.strip();
    int end = line.indexOf('\n');
    return end < 0 ? line : line.substring(0, end);
  }
}
