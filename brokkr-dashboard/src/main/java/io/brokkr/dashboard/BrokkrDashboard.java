package io.brokkr.dashboard;

import io.brokkr.dashboard.internal.DashboardServer;
import io.brokkr.runtime.Brokkr;
import java.net.URI;
import java.util.Objects;

/**
 * A running dashboard over a Brokkr node: an HTTP server (the JDK's) that shows every saga of the
 * node's namespace live and, when enabled, lets operators act on them. Close it to stop serving;
 * the node stays open (it is the caller's).
 *
 * <pre>{@code
 * try (BrokkrDashboard dashboard = BrokkrDashboard.start(brokkr, 8080)) {
 *   log.info("dashboard at {}", dashboard.url());
 *   ...
 * }
 * }</pre>
 */
public final class BrokkrDashboard implements AutoCloseable {
  private final DashboardServer server;

  private BrokkrDashboard(DashboardServer server) {
    this.server = server;
  }

  /**
   * Starts a read-only dashboard on 127.0.0.1.
   *
   * @param brokkr the node whose namespace it shows; a node built with {@code .announced(false)}
   *     when it runs no worker, so that it stays out of the live nodes
   * @param port the port, 0 for a free one
   * @return the running dashboard
   * @throws java.io.UncheckedIOException when the port cannot be bound
   */
  public static BrokkrDashboard start(Brokkr brokkr, int port) {
    return start(brokkr, DashboardOptions.defaults().withPort(port));
  }

  /**
   * Starts a dashboard with these options.
   *
   * @param brokkr the node whose namespace it shows
   * @param options where it listens, whether actions are enabled, its token
   * @return the running dashboard
   * @throws IllegalArgumentException when actions are enabled on an address other machines reach and
   *     no token is set
   * @throws java.io.UncheckedIOException when the address cannot be bound
   */
  public static BrokkrDashboard start(Brokkr brokkr, DashboardOptions options) {
    Objects.requireNonNull(brokkr, "brokkr");
    Objects.requireNonNull(options, "options");
    return new BrokkrDashboard(DashboardServer.start(brokkr, options));
  }

  /** {@return the dashboard's address, e.g. {@code http://127.0.0.1:8080/}; without the token} */
  public URI url() {
    return server.url();
  }

  /** Stops serving: open pages lose their live updates; the node is not closed. Idempotent. */
  @Override
  public void close() {
    server.close();
  }
}
