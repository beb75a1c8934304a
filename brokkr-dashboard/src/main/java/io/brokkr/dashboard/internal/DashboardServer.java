package io.brokkr.dashboard.internal;

import com.sun.net.httpserver.HttpServer;
import io.brokkr.dashboard.DashboardOptions;
import io.brokkr.runtime.Brokkr;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The dashboard's server: the JDK's HTTP server (no dependency, enough for a page, a JSON API and
 * event streams on one port) and a pool of threads for its requests (each open page holds one for its
 * event stream), serving the dashboard's {@link Mount}.
 */
public final class DashboardServer implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(DashboardServer.class);
  /** Event streams of open pages, plus the requests of those pages. */
  private static final int THREADS = EventHub.MAX_PAGES + 16;

  private final HttpServer http;
  private final ThreadPoolExecutor pool;
  private final Mount mount;
  private final URI url;
  private final AtomicBoolean closed = new AtomicBoolean();

  private DashboardServer(HttpServer http, ThreadPoolExecutor pool, Mount mount, URI url) {
    this.http = http;
    this.pool = pool;
    this.mount = mount;
    this.url = url;
  }

  /**
   * Binds, subscribes to the node's transitions and serves.
   *
   * @param brokkr the node whose namespace it shows
   * @param options where and how it serves
   * @return the running server
   */
  public static DashboardServer start(Brokkr brokkr, DashboardOptions options) {
    InetAddress address;
    try {
      address = InetAddress.getByName(options.host());
    } catch (IOException e) {
      throw new UncheckedIOException("the dashboard cannot listen on \"" + options.host() + "\"", e);
    }
    if (options.actionsEnabled() && options.token().isEmpty() && !address.isLoopbackAddress()) {
      throw new IllegalArgumentException("actions on " + options.host() + ", which other machines reach, need a token:"
          + " DashboardOptions.withToken(...)");
    }
    HttpServer http;
    try {
      http = HttpServer.create(new InetSocketAddress(address, options.port()), 0);
    } catch (IOException e) {
      throw new UncheckedIOException("the dashboard cannot listen on " + options.host() + ":" + options.port() + ": "
          + e.getMessage(), e);
    }
    ThreadPoolExecutor pool = new ThreadPoolExecutor(THREADS, THREADS, 30, TimeUnit.SECONDS,
        new LinkedBlockingQueue<>(), daemons());
    pool.allowCoreThreadTimeOut(true);
    Mount mount = Mount.of(brokkr, options, address.isLoopbackAddress(), pool);
    http.createContext("/", mount.handler());
    http.setExecutor(pool);
    http.start();
    URI url = url(address, http.getAddress().getPort());
    LOG.info("Brokkr dashboard of namespace \"{}\" at {} ({}{})", brokkr.namespace(), url,
        options.actionsEnabled() ? "actions enabled" : "read-only", options.token().isPresent() ? ", token required" : "");
    return new DashboardServer(http, pool, mount, url);
  }

  private static URI url(InetAddress address, int port) {
    // A dashboard on every interface is reached here through loopback.
    InetAddress shown = address.isAnyLocalAddress() ? InetAddress.getLoopbackAddress() : address;
    String host = shown instanceof Inet6Address ? "[" + shown.getHostAddress() + "]" : shown.getHostAddress();
    return URI.create("http://" + host + ":" + port + "/");
  }

  private static java.util.concurrent.ThreadFactory daemons() {
    AtomicInteger count = new AtomicInteger();
    return runnable -> {
      Thread thread = new Thread(runnable, "brokkr-dashboard-" + count.incrementAndGet());
      thread.setDaemon(true);
      return thread;
    };
  }

  /** {@return where the dashboard serves} */
  public URI url() {
    return url;
  }

  /** Ends the event streams, stops serving and removes the listener from the node. Idempotent. */
  @Override
  public void close() {
    if (!closed.compareAndSet(false, true)) {
      return;
    }
    mount.close();
    http.stop(0);
    pool.shutdownNow();
    LOG.info("Brokkr dashboard at {} stopped", url);
  }
}
