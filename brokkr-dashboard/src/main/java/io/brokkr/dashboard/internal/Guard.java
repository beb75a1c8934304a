package io.brokkr.dashboard.internal;

import com.sun.net.httpserver.Headers;
import com.sun.net.httpserver.HttpExchange;
import io.brokkr.dashboard.DashboardOptions;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Who may read and who may act. Every response gets headers that keep the page from being framed or
 * running scripts of elsewhere; a dashboard bound to loopback answers only requests addressed to a
 * loopback name (a DNS-rebinding page cannot read it); a token, when set, must come with every
 * request; an action must come from the dashboard's own page: it carries the dashboard's CSRF token
 * in a header (a page of another origin can neither read the token nor send the header without a
 * preflight that the dashboard never grants) and, when the browser names one, the dashboard's origin.
 */
final class Guard {
  static final String TOKEN_COOKIE = "brokkr_dashboard";
  static final String CSRF_HEADER = "X-Brokkr-Csrf";
  private static final String CSP = "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self';"
      + " connect-src 'self'; base-uri 'none'; form-action 'none'; frame-ancestors 'none'";

  /** Why a request is refused: its status and a message. */
  record Refusal(int status, String message) {}

  private final DashboardOptions options;
  private final boolean loopbackOnly;
  private final String csrfToken;

  Guard(DashboardOptions options, boolean loopbackOnly) {
    this.options = options;
    this.loopbackOnly = loopbackOnly;
    byte[] random = new byte[32];
    new SecureRandom().nextBytes(random);
    this.csrfToken = Base64.getUrlEncoder().withoutPadding().encodeToString(random);
  }

  /** The token every action carries in {@value #CSRF_HEADER}; the page reads it from {@code api/config}. */
  String csrfToken() {
    return csrfToken;
  }

  static void secureHeaders(HttpExchange exchange) {
    Headers headers = exchange.getResponseHeaders();
    headers.set("Content-Security-Policy", CSP);
    headers.set("X-Content-Type-Options", "nosniff");
    headers.set("X-Frame-Options", "DENY");
    headers.set("Referrer-Policy", "no-referrer");
    headers.set("Cross-Origin-Resource-Policy", "same-origin");
  }

  /** {@return why this request may not read the dashboard; empty when it may} */
  Optional<Refusal> checkRead(HttpExchange exchange) {
    if (loopbackOnly && !loopbackHost(exchange.getRequestHeaders().getFirst("Host"))) {
      return Optional.of(new Refusal(403, "this dashboard answers requests to localhost only"));
    }
    if (options.token().isPresent() && !tokenShown(exchange, options.token().get())) {
      return Optional.of(new Refusal(401, "this dashboard needs its token: open it once as /?token=..."
          + " (or send Authorization: Bearer ...)"));
    }
    return Optional.empty();
  }

  /** {@return whether this request brings the token in its query: it then gets the cookie} */
  boolean tokenInQuery(HttpExchange exchange) {
    return options.token().isPresent()
        && equal(Exchanges.query(exchange).getOrDefault("token", ""), options.token().get());
  }

  /** The cookie that carries the token from now on: not readable by scripts, not sent by other sites. */
  String tokenCookie() {
    return TOKEN_COOKIE + "=" + options.token().orElseThrow() + "; Path=/; HttpOnly; SameSite=Strict";
  }

  /** {@return why this request may not act on a saga; empty when it may} */
  Optional<Refusal> checkAction(HttpExchange exchange) {
    Headers headers = exchange.getRequestHeaders();
    if (!options.actionsEnabled()) {
      return Optional.of(new Refusal(403, "this dashboard is read-only: actions are not enabled"));
    }
    if (!equal(Optional.ofNullable(headers.getFirst(CSRF_HEADER)).orElse(""), csrfToken)) {
      return Optional.of(new Refusal(403, "an action must carry the dashboard's " + CSRF_HEADER + " header"));
    }
    String origin = headers.getFirst("Origin");
    String host = headers.getFirst("Host");
    // https: behind a proxy that ends TLS, the page's origin is https and the dashboard's host the same.
    if (origin != null && !origin.equals("http://" + host) && !origin.equals("https://" + host)) {
      return Optional.of(new Refusal(403, "an action must come from the dashboard's own page, not " + origin));
    }
    String site = headers.getFirst("Sec-Fetch-Site");
    if (site != null && !site.equals("same-origin")) {
      return Optional.of(new Refusal(403, "an action must come from the dashboard's own page (" + site + ")"));
    }
    String type = headers.getFirst("Content-Type");
    if (type == null || !type.toLowerCase(Locale.ROOT).startsWith("application/json")) {
      return Optional.of(new Refusal(415, "an action's body is JSON (Content-Type: application/json)"));
    }
    return Optional.empty();
  }

  private static boolean tokenShown(HttpExchange exchange, String token) {
    Headers headers = exchange.getRequestHeaders();
    String authorization = headers.getFirst("Authorization");
    if (authorization != null && authorization.startsWith("Bearer ")
        && equal(authorization.substring("Bearer ".length()).trim(), token)) {
      return true;
    }
    for (String cookies : headers.getOrDefault("Cookie", List.of())) {
      for (String cookie : cookies.split(";")) {
        String pair = cookie.trim();
        if (pair.startsWith(TOKEN_COOKIE + "=") && equal(pair.substring(TOKEN_COOKIE.length() + 1), token)) {
          return true;
        }
      }
    }
    return false;
  }

  /** Host names of this machine only: localhost and loopback addresses, with or without a port. */
  private static boolean loopbackHost(String host) {
    if (host == null) {
      return false;
    }
    String name = host.startsWith("[") ? host.substring(1, Math.max(1, host.indexOf(']')))
        : host.contains(":") ? host.substring(0, host.indexOf(':')) : host;
    name = name.toLowerCase(Locale.ROOT);
    return name.equals("localhost") || name.endsWith(".localhost") || name.matches("127\\.\\d{1,3}\\.\\d{1,3}\\.\\d{1,3}")
        || name.equals("::1") || name.equals("0:0:0:0:0:0:0:1");
  }

  /** Compares in constant time: the time of a refusal tells nothing about the secret. */
  private static boolean equal(String given, String secret) {
    return MessageDigest.isEqual(given.getBytes(StandardCharsets.UTF_8), secret.getBytes(StandardCharsets.UTF_8));
  }
}
