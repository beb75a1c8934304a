package io.brokkr.spring.boot.autoconfigure;

import io.brokkr.runtime.Brokkr;
import io.brokkr.runtime.Worker;
import java.util.Map;
import java.util.TreeMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationContext;
import org.springframework.context.SmartLifecycle;

/**
 * Starts the node's work once every singleton exists, and drains it on shutdown. On start it
 * registers the {@code @Saga} beans (through their launchers) and the {@code Worker} beans: from
 * then on the node claims their steps. On stop it closes the node, which takes no new work and
 * waits up to {@code brokkr.drain-timeout} for its running attempts; the rest go back to the store.
 *
 * <p>With {@code brokkr.restore-on-start} (the default), once the workers are registered it resumes
 * the namespace's unfinished sagas ({@link Brokkr#restorePreviousState()}): an attempt that this
 * node's id held before a restart fails at once and is retried, instead of waiting for its lease to
 * expire; ready steps are re-queued and backoffs re-armed. What other, gone nodes left is taken over
 * by the store's timers once their leases expire, with or without it.
 *
 * <p>Its phase is below the web server's, so the node starts before the server takes requests and
 * stops after the server finished its graceful shutdown: a request that started a saga still sees
 * its steps run.
 */
final class BrokkrLifecycle implements SmartLifecycle {
  /** Below Spring Boot's web server (whose start and stop use DEFAULT_PHASE - 2048). */
  static final int PHASE = SmartLifecycle.DEFAULT_PHASE - 4096;
  private static final Logger LOG = LoggerFactory.getLogger(BrokkrLifecycle.class);

  private final Brokkr brokkr;
  private final ApplicationContext context;
  private final boolean restoreOnStart;
  private volatile boolean running;
  private boolean registered;

  BrokkrLifecycle(Brokkr brokkr, ApplicationContext context, boolean restoreOnStart) {
    this.brokkr = brokkr;
    this.context = context;
    this.restoreOnStart = restoreOnStart;
  }

  @Override
  public synchronized void start() {
    if (registered) {
      throw new IllegalStateException("the Brokkr node of this context was closed when the context stopped; "
          + "a closed node does not start again");
    }
    registered = true;
    SagaBeans.register(context, brokkr);
    // Sorted by bean name: the same application registers its workers in the same order every time.
    Map<String, Worker> workers = new TreeMap<>(context.getBeansOfType(Worker.class));
    workers.values().forEach(brokkr::registerWorker);
    if (restoreOnStart) {
      int resumed = brokkr.restorePreviousState();
      LOG.info("Brokkr resumed {} unfinished sagas of namespace {}", resumed, brokkr.namespace());
    }
    running = true;
  }

  /** Closes the node, draining it; a closed node does not start again. */
  @Override
  public synchronized void stop() {
    running = false;
    brokkr.close();
  }

  @Override
  public boolean isRunning() {
    return running;
  }

  @Override
  public int getPhase() {
    return PHASE;
  }
}
