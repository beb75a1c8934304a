package io.brokkr.dashboard;

import java.util.Objects;

/**
 * The CSRF token of the server a {@link DashboardHandler} is mounted on (Spring Security's, for
 * one), for the page to send with its actions besides the dashboard's own: the server refuses a
 * {@code POST} without it before the dashboard sees it. The page reads it from {@code api/config},
 * as it reads the dashboard's token, and puts it in the header the server names.
 *
 * @param headerName the header the server reads the token from, e.g. {@code X-CSRF-TOKEN}
 * @param token the token's value for the page's session
 */
public record HostCsrfToken(String headerName, String token) {
  /**
   * Checks both values.
   *
   * @param headerName the header's name, not blank
   * @param token the token, not blank
   * @throws IllegalArgumentException when one is blank
   */
  public HostCsrfToken {
    Objects.requireNonNull(headerName, "headerName");
    Objects.requireNonNull(token, "token");
    if (headerName.isBlank() || !headerName.chars().allMatch(c -> c > 32 && c < 127 && c != ':')) {
      throw new IllegalArgumentException("a CSRF header name is a visible ASCII name without ':', was \""
          + headerName + "\"");
    }
    if (token.isBlank()) {
      throw new IllegalArgumentException("a CSRF token is not blank");
    }
  }

  @Override
  public String toString() {
    // The token is a secret: it stays out of logs.
    return "HostCsrfToken[headerName=" + headerName + "]";
  }
}
