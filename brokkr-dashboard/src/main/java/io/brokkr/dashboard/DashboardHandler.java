package io.brokkr.dashboard;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import io.brokkr.dashboard.internal.Mount;
import io.brokkr.runtime.Brokkr;
import java.io.IOException;
import java.util.Objects;

/**
 * The dashboard for a server that is not its own (a servlet container, through an adapter such as
 * the Spring Boot starter's): the handler of its page, files, API and event streams. Each exchange's
 * request path is relative to where the dashboard is mounted: {@code /} is the page, {@code
 * /api/overview} the overview. The page's links are relative, so a dashboard mounted at {@code
 * /brokkr} is opened at {@code /brokkr/} (with the slash).
 *
 * <p>Unlike {@link BrokkrDashboard}, it checks neither the request's host name nor a token: the
 * server that mounts it decides who reaches it (its own authentication). Actions, when enabled, still
 * need the dashboard's CSRF header and its own origin; a server that guards {@code POST}s with a CSRF
 * token of its own hands it over with {@link #handle(HttpExchange, HostCsrfToken)}. An event stream
 * holds the server's thread that serves it while the page is open (32 pages at most).
 */
public final class DashboardHandler implements HttpHandler, AutoCloseable {
  private final Mount mount;

  private DashboardHandler(Mount mount) {
    this.mount = mount;
  }

  /**
   * Subscribes to the node's transitions and returns the handler; close it when the server stops.
   *
   * @param brokkr the node whose namespace it shows; one built with {@code .announced(false)} when
   *     it runs no worker
   * @param actionsEnabled whether the page offers Cancel, Retry and Resolve
   * @return the handler
   */
  public static DashboardHandler of(Brokkr brokkr, boolean actionsEnabled) {
    Objects.requireNonNull(brokkr, "brokkr");
    DashboardOptions options = DashboardOptions.defaults().withActions(actionsEnabled);
    return new DashboardHandler(Mount.of(brokkr, options, false, task -> {
      Thread thread = new Thread(task, "brokkr-dashboard-seed");
      thread.setDaemon(true);
      thread.start();
    }));
  }

  /**
   * Serves one request.
   *
   * @param exchange the request, its path relative to the dashboard's mount point
   * @throws IOException when the response cannot be written
   */
  @Override
  public void handle(HttpExchange exchange) throws IOException {
    mount.handler().handle(exchange);
  }

  /**
   * Serves one request of a server that guards {@code POST}s with a CSRF token of its own (Spring
   * Security's, for one): {@code api/config} hands {@code hostToken} to the page, which sends it in
   * its header with each action, besides the dashboard's own header. Nothing else changes: an
   * action still needs the dashboard's CSRF header and origin.
   *
   * @param exchange the request, its path relative to the dashboard's mount point
   * @param hostToken the server's token for this request's session
   * @throws IOException when the response cannot be written
   */
  public void handle(HttpExchange exchange, HostCsrfToken hostToken) throws IOException {
    Objects.requireNonNull(hostToken, "hostToken");
    mount.handle(exchange, hostToken);
  }

  /** Ends the open pages' event streams and removes the listener from the node; the node stays open. Idempotent. */
  @Override
  public void close() {
    mount.close();
  }
}
