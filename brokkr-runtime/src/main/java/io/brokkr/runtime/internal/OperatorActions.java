package io.brokkr.runtime.internal;

import io.brokkr.runtime.SagaActions;
import io.brokkr.runtime.spi.Change;
import io.brokkr.runtime.spi.StepRef;
import java.util.Objects;
import java.util.function.Supplier;

/** A saga's operator actions by one author: each is one store call, then the node acts on what it made ready. */
final class OperatorActions implements SagaActions {
  private final Engine engine;
  private final String sagaId;
  private final String author;

  OperatorActions(Engine engine, String sagaId, String author) {
    this.engine = engine;
    this.sagaId = sagaId;
    this.author = Objects.requireNonNull(author, "author");
  }

  /** The author of the actions a saga does itself: the user running the JVM. */
  static String defaultAuthor() {
    return System.getProperty("user.name", "unknown");
  }

  @Override
  public boolean cancel(String reason) {
    Objects.requireNonNull(reason, "reason");
    return apply(() -> engine.store().cancel(sagaId, reason, author));
  }

  @Override
  public boolean retry() {
    return apply(() -> engine.store().retry(sagaId, author));
  }

  @Override
  public boolean resolve(String stepId, String note) {
    Objects.requireNonNull(stepId, "stepId");
    Objects.requireNonNull(note, "note");
    return apply(() -> engine.store().resolve(new StepRef(sagaId, stepId), note, author));
  }

  private boolean apply(Supplier<Change> call) {
    Change change = Calls.store(call);
    engine.changes().wake(change);
    return change.applied();
  }
}
