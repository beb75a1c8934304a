package io.brokkr.dashboard.internal;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import io.brokkr.dashboard.DashboardOptions;
import io.brokkr.dashboard.HostCsrfToken;
import io.brokkr.runtime.Brokkr;
import java.io.IOException;
import java.time.Clock;
import java.util.Optional;
import java.util.concurrent.Executor;
import java.util.concurrent.atomic.AtomicBoolean;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The dashboard without a server: its router over a node, the hub that the node's transitions reach
 * through a listener added to it, and the chart's counts. Its own server ({@link DashboardServer})
 * or another one (a servlet container, through {@code DashboardHandler}) serves the router.
 */
public final class Mount implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(Mount.class);

  private final Router router;
  private final EventHub hub;
  private final Brokkr.Subscription subscription;
  private final AtomicBoolean closed = new AtomicBoolean();

  private Mount(Router router, EventHub hub, Brokkr.Subscription subscription) {
    this.router = router;
    this.hub = hub;
    this.subscription = subscription;
  }

  /**
   * Subscribes to the node's transitions and starts the hub.
   *
   * @param brokkr the node whose namespace it shows
   * @param options whether actions are enabled, the token
   * @param loopbackOnly whether requests must be addressed to a loopback name (a server bound to loopback)
   * @param background where the chart's first hour is counted, off the caller's thread
   * @return the mounted dashboard
   */
  public static Mount of(Brokkr brokkr, DashboardOptions options, boolean loopbackOnly, Executor background) {
    Clock clock = Clock.systemUTC();
    Activity activity = new Activity(clock);
    Overview overview = new Overview(brokkr, activity, clock);
    EventHub hub = new EventHub(activity, overview::read);
    Brokkr.Subscription subscription = brokkr.addListener(hub);
    Router router = new Router(brokkr, new Guard(options, loopbackOnly), new Assets(),
        PageActions.of(options.actionsEnabled()), overview, hub, clock);
    hub.start();
    background.execute(() -> {
      try {
        activity.seed(brokkr);
      } catch (RuntimeException e) {
        LOG.warn("the dashboard could not count the last hour's sagas; its chart starts empty", e);
      }
    });
    return new Mount(router, hub, subscription);
  }

  /** {@return the handler of every request: each exchange's path is relative to where the dashboard is mounted} */
  public HttpHandler handler() {
    return router;
  }

  /**
   * Serves a request of a server that guards POSTs with a CSRF token of its own: {@code api/config}
   * hands it to the page.
   *
   * @param exchange the request, its path relative to where the dashboard is mounted
   * @param hostToken the server's CSRF token for the request's session
   * @throws IOException when the response cannot be written
   */
  public void handle(HttpExchange exchange, HostCsrfToken hostToken) throws IOException {
    router.handle(exchange, Optional.of(hostToken));
  }

  /** Ends the event streams and removes the listener from the node. Idempotent. */
  @Override
  public void close() {
    if (closed.compareAndSet(false, true)) {
      subscription.close();
      hub.close();
    }
  }
}
