package io.brokkr.spring.boot.autoconfigure;

import io.brokkr.dashboard.DashboardHandler;
import io.brokkr.dashboard.HostCsrfToken;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Optional;

/**
 * The dashboard on the application's own server, mapped to {@code /brokkr/*}: each request goes to
 * the dashboard's handler with its path below {@code /brokkr}. With Spring Security on the class
 * path it also refuses a request that comes without an authenticated user, whatever the
 * application's filter chain lets through, and hands Spring Security's CSRF token, when the chain
 * has one, to the page ({@code api/config}), which sends it with its actions: they pass the
 * application's CSRF protection, and still need the dashboard's own CSRF header.
 */
final class DashboardServlet extends HttpServlet {
  private static final long serialVersionUID = 1L;
  /** The path of the page's configuration, below the mount point. */
  private static final String CONFIG = "/api/config";

  private final transient DashboardHandler handler;
  private final boolean authenticatedOnly;
  private final boolean securityCsrf;

  /**
   * @param handler the dashboard
   * @param authenticatedOnly whether a request needs an authenticated user (Spring Security is there)
   * @param securityCsrf whether Spring Security's web module is there, whose CSRF token the page gets
   */
  DashboardServlet(DashboardHandler handler, boolean authenticatedOnly, boolean securityCsrf) {
    this.handler = handler;
    this.authenticatedOnly = authenticatedOnly;
    this.securityCsrf = securityCsrf;
  }

  @Override
  protected void service(HttpServletRequest request, HttpServletResponse response) throws IOException {
    if (authenticatedOnly && request.getUserPrincipal() == null) {
      // Spring Security's request wrapper gives no principal for an anonymous user.
      response.sendError(HttpServletResponse.SC_UNAUTHORIZED, "the Brokkr dashboard needs an authenticated user");
      return;
    }
    String mount = request.getContextPath() + request.getServletPath();
    String raw = request.getRequestURI();
    if (!raw.startsWith(mount)) {
      response.sendError(HttpServletResponse.SC_NOT_FOUND);
      return;
    }
    String path = raw.substring(mount.length());
    if (path.isEmpty()) {
      // The page's links are relative: it is served at /brokkr/, with the slash.
      response.sendRedirect(mount + "/");
      return;
    }
    ServletExchange exchange = new ServletExchange(request, response, path);
    // Only the config, which the page reads once, takes the token: no other request makes a session for it.
    Optional<HostCsrfToken> csrf = securityCsrf && path.equals(CONFIG) ? SecurityCsrfToken.of(request)
        : Optional.empty();
    if (csrf.isPresent()) {
      handler.handle(exchange, csrf.get());
    } else {
      handler.handle(exchange);
    }
  }
}
