package io.brokkr.runtime.logging;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import java.util.function.Predicate;
import org.slf4j.LoggerFactory;

/**
 * The events Brokkr logs while it is open, as the tests' provider (logback) records them, with
 * their level, MDC and exception: an appender added to the {@code io.brokkr} logger.
 */
public final class LogCapture implements AutoCloseable {
  private final Logger logger = (Logger) LoggerFactory.getLogger("io.brokkr");
  /**
   * Keeps each event as it was when logged: logback reads an event's MDC when first asked, from the
   * asking thread, so an event read by the test before the file appender formatted it on the logging
   * thread would show the test thread's MDC.
   */
  private final ListAppender<ILoggingEvent> appender = new ListAppender<>() {
    @Override
    protected void append(ILoggingEvent event) {
      event.prepareForDeferredProcessing();
      super.append(event);
    }
  };

  public LogCapture() {
    appender.setContext(logger.getLoggerContext());
    appender.start();
    logger.addAppender(appender);
  }

  /** The events so far. */
  public List<ILoggingEvent> events() {
    synchronized (appender) {
      return List.copyOf(appender.list);
    }
  }

  /**
   * The first event that {@code matches}, waiting for it up to {@code within}: a line may be logged
   * after the saga it is about settled.
   */
  public ILoggingEvent await(Predicate<ILoggingEvent> matches, Duration within) {
    long deadline = System.nanoTime() + within.toNanos();
    Optional<ILoggingEvent> found;
    while ((found = events().stream().filter(matches).findFirst()).isEmpty()) {
      if (System.nanoTime() > deadline) {
        throw new AssertionError("not logged within " + within + "; logged: "
            + events().stream().map(ILoggingEvent::getFormattedMessage).toList());
      }
      LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(5));
    }
    return found.get();
  }

  @Override
  public void close() {
    logger.detachAppender(appender);
    appender.stop();
  }
}
