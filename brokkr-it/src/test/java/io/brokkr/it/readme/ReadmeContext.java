package io.brokkr.it.readme;

import io.brokkr.runtime.Brokkr;
import java.time.Duration;
import java.util.concurrent.Executor;
import java.util.concurrent.ForkJoinPool;
import org.redisson.api.RedissonClient;

/**
 * What the README's snippets take as given: the variables and helpers of the reader's own code.
 * The snippets extend it to compile; they never run.
 */
@SuppressWarnings("unused")
public abstract class ReadmeContext {
  /** A node; the Redis snippets make their own. */
  protected final Brokkr brokkr = Brokkr.inMemory();
  /** A saga's id, as an event carries it. */
  protected final String sagaId = "saga-1";
  /** The reader's Redisson client. */
  protected RedissonClient redisson;
  /** The reader's own executor. */
  protected final Executor myExecutor = ForkJoinPool.commonPool();
  /** The reader's logger. */
  protected final Log log = (format, args) -> {};

  /** A logger with placeholders. */
  protected interface Log {
    /** Logs {@code format} with {@code args}. */
    void info(String format, Object... args);
  }

  /** A metrics timer. */
  protected interface Timer {
    /** Records one duration. */
    void record(Duration took);
  }

  /** What the head factory makes. */
  protected record Head(String headId) {}

  /** What the handle factory makes. */
  protected record Handle(String handleId) {}

  /** The reader's timer for one kind of request. */
  protected Timer timer(String kind) {
    return took -> {};
  }

  /** Calls the head service. */
  protected String createHead(String headType, String idempotencyKey) {
    return headType + "-" + idempotencyKey;
  }

  /** Calls the handle service. */
  protected String createHandle(String size) {
    return "handle-" + size;
  }

  /** Calls the hammer service. */
  protected String createHammer(String headId, String handleId) {
    return headId + "+" + handleId;
  }

  /** Calls the head service to undo a head. */
  protected void deleteHead(String headId) {}
}
