package io.brokkr.spring.boot.autoconfigure;

import io.brokkr.dashboard.DashboardHandler;
import org.springframework.context.SmartLifecycle;

/**
 * The dashboard's handler, closed first on shutdown: an open page's event stream is a request that
 * never ends, and the web server's graceful shutdown (a later phase) would wait for it.
 */
final class DashboardLifecycle implements SmartLifecycle {
  private final DashboardHandler handler;
  private volatile boolean running;

  DashboardLifecycle(DashboardHandler handler) {
    this.handler = handler;
  }

  DashboardHandler handler() {
    return handler;
  }

  @Override
  public void start() {
    running = true;
  }

  /** Ends the open pages' event streams and removes the dashboard's listener from the node. */
  @Override
  public void stop() {
    running = false;
    handler.close();
  }

  /** Closes the handler when the context closes without having started or stopped it. */
  public void close() {
    handler.close();
  }

  @Override
  public boolean isRunning() {
    return running;
  }

  /** Stops before every other phase, the web server's graceful shutdown among them. */
  @Override
  public int getPhase() {
    return Integer.MAX_VALUE;
  }
}
