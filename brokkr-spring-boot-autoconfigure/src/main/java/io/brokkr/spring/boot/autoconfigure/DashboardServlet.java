package io.brokkr.spring.boot.autoconfigure;

import io.brokkr.dashboard.DashboardHandler;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;

/**
 * The dashboard on the application's own server, mapped to {@code /brokkr/*}: each request goes to
 * the dashboard's handler with its path below {@code /brokkr}. With Spring Security on the class
 * path it also refuses a request that comes without an authenticated user, whatever the
 * application's filter chain lets through.
 */
final class DashboardServlet extends HttpServlet {
  private static final long serialVersionUID = 1L;

  private final transient DashboardHandler handler;
  private final boolean authenticatedOnly;

  DashboardServlet(DashboardHandler handler, boolean authenticatedOnly) {
    this.handler = handler;
    this.authenticatedOnly = authenticatedOnly;
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
    handler.handle(new ServletExchange(request, response, path));
  }
}
