package io.brokkr.dashboard;

import java.util.Objects;
import java.util.Optional;

/**
 * How a dashboard serves: where it listens, whether operators may act on sagas, and the token a
 * browser must show. The defaults are the safe ones: 127.0.0.1, read-only, no token (only this
 * machine reaches it).
 *
 * <pre>{@code
 * DashboardOptions.defaults().withPort(8080).withActions(true).withToken(System.getenv("DASHBOARD_TOKEN"))
 * }</pre>
 *
 * @param host the address to listen on: {@value #DEFAULT_HOST} by default; {@code 0.0.0.0} for every
 *     interface (then actions need a token)
 * @param port the port, 0 for a free one (see {@link BrokkrDashboard#url()}); {@value #DEFAULT_PORT} by default
 * @param actionsEnabled whether operators may cancel, retry and resolve sagas from the dashboard; false by
 *     default
 * @param token when present, every request must carry it (a cookie that {@code /?token=...} sets,
 *     or an {@code Authorization: Bearer} header); at least {@value #MIN_TOKEN_LENGTH} characters
 */
public record DashboardOptions(String host, int port, boolean actionsEnabled, Optional<String> token) {
  /** The address a dashboard listens on unless told otherwise: this machine only. */
  public static final String DEFAULT_HOST = "127.0.0.1";
  /** The port of {@link #defaults()}. */
  public static final int DEFAULT_PORT = 8080;
  /** The shortest token accepted: a guessable token protects nothing. */
  public static final int MIN_TOKEN_LENGTH = 16;

  /**
   * Checks each option and quotes a bad one.
   *
   * @param host the address to listen on, not blank
   * @param port 0 to 65535
   * @param actionsEnabled whether operators may act on sagas
   * @param token at least {@value #MIN_TOKEN_LENGTH} visible ASCII characters, when present
   * @throws IllegalArgumentException naming the bad option
   */
  public DashboardOptions {
    Objects.requireNonNull(host, "host");
    if (host.isBlank()) {
      throw new IllegalArgumentException("the dashboard's host must not be blank");
    }
    if (port < 0 || port > 65535) {
      throw new IllegalArgumentException("the dashboard's port must be 0 to 65535, was " + port);
    }
    Objects.requireNonNull(token, "token").ifPresent(DashboardOptions::checkToken);
  }

  /** {@return 127.0.0.1:8080, read-only, without a token} */
  public static DashboardOptions defaults() {
    return new DashboardOptions(DEFAULT_HOST, DEFAULT_PORT, false, Optional.empty());
  }

  /**
   * {@return these options on another address}
   *
   * @param value an IP address or host name of this machine, not blank
   */
  public DashboardOptions withHost(String value) {
    return new DashboardOptions(value, port, actionsEnabled, token);
  }

  /**
   * {@return these options on another port}
   *
   * @param value 0 (a free port) to 65535
   */
  public DashboardOptions withPort(int value) {
    return new DashboardOptions(host, value, actionsEnabled, token);
  }

  /**
   * {@return these options with actions (cancel, retry, resolve) enabled or not}
   *
   * @param value true to let operators act on sagas
   */
  public DashboardOptions withActions(boolean value) {
    return new DashboardOptions(host, port, value, token);
  }

  /**
   * {@return these options with a token that every request must carry}
   *
   * @param value at least {@value #MIN_TOKEN_LENGTH} visible ASCII characters
   */
  public DashboardOptions withToken(String value) {
    return new DashboardOptions(host, port, actionsEnabled, Optional.of(Objects.requireNonNull(value, "token")));
  }

  private static void checkToken(String token) {
    if (token.length() < MIN_TOKEN_LENGTH) {
      throw new IllegalArgumentException("the dashboard's token must have at least " + MIN_TOKEN_LENGTH
          + " characters, had " + token.length());
    }
    // It travels in a cookie and a header: visible ASCII only, and no cookie separators.
    for (char c : token.toCharArray()) {
      if (c <= ' ' || c >= 127 || c == ';' || c == ',' || c == '"' || c == '\\') {
        throw new IllegalArgumentException("the dashboard's token must be visible ASCII without ; , \" or \\");
      }
    }
  }
}
