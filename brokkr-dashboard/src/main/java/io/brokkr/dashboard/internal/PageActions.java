package io.brokkr.dashboard.internal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.brokkr.runtime.SagaActions;
import io.brokkr.runtime.SagaStatus;
import io.brokkr.runtime.StepStatus;
import io.brokkr.runtime.StepSummary;
import java.util.List;
import java.util.Optional;

/**
 * What an operator may do from the page: each action by its name (the {@code data-action} of its
 * button and the last segment of its POST), when the page offers it, and what it does. Each is done
 * through the runtime's {@link SagaActions}, acting as the dashboard's user, so the saga's history
 * records it.
 */
final class PageActions {
  /** Reasons and notes are recorded with the saga: a line or a paragraph, not a document. */
  static final int MAX_TEXT = 1000;

  /** One action on one saga, or on one of its steps. */
  interface Action {
    /** {@return the action's name: its button's {@code data-action}, its URL's last segment} */
    String name();

    /** {@return whether a saga in this status offers it (a step's action: on some step)} */
    boolean offeredOn(SagaStatus status);

    /** {@return whether a step offers it, in a saga of that status; false for a saga's own action} */
    default boolean offeredOn(SagaStatus status, StepSummary step) {
      return false;
    }

    /**
     * Applies the action.
     *
     * @param saga the saga's actions, as the dashboard's user does them
     * @param body the request's JSON body: the reason, the note, the step
     * @return what happened
     * @throws Exchanges.BadRequest when the body lacks what the action needs
     */
    Outcome apply(SagaActions saga, ObjectNode body);
  }

  /**
   * What an action did.
   *
   * @param applied true when it changed the saga; false when the saga's state refused it
   * @param message one sentence for the operator
   */
  record Outcome(boolean applied, String message) {}

  private final List<Action> actions;

  private PageActions(List<Action> actions) {
    this.actions = actions;
  }

  /** The actions of a dashboard: every one when enabled, none when it is read-only. */
  static PageActions of(boolean enabled) {
    return new PageActions(enabled ? List.of(new Cancel(), new Retry(), new Resolve()) : List.of());
  }

  Optional<Action> named(String name) {
    return actions.stream().filter(a -> a.name().equals(name)).findFirst();
  }

  List<String> names() {
    return actions.stream().map(Action::name).toList();
  }

  /** The saga's own actions that its status offers. */
  List<String> offeredOn(SagaStatus status) {
    return actions.stream().filter(a -> a.offeredOn(status)).map(Action::name).toList();
  }

  /** The actions a step offers in a saga of that status. */
  List<String> offeredOn(SagaStatus status, StepSummary step) {
    return actions.stream().filter(a -> a.offeredOn(status, step)).map(Action::name).toList();
  }

  /** A text field of the body: present, not blank, not too long. */
  static String text(ObjectNode body, String field) {
    JsonNode value = body.get(field);
    if (value == null || !value.isTextual() || value.asText().isBlank()) {
      throw new Exchanges.BadRequest("\"" + field + "\" is required");
    }
    String text = value.asText().strip();
    if (text.length() > MAX_TEXT) {
      throw new Exchanges.BadRequest("\"" + field + "\" has " + text.length() + " characters; at most " + MAX_TEXT);
    }
    return text;
  }

  /** The runtime refuses an action the saga's state does not allow: the operator reads why. */
  private static Outcome refusable(java.util.function.BooleanSupplier action, String done, String notDone) {
    try {
      return action.getAsBoolean() ? new Outcome(true, done) : new Outcome(false, notDone);
    } catch (IllegalStateException | IllegalArgumentException e) {
      return new Outcome(false, e.getMessage());
    }
  }

  /** Cancel a running saga: it takes no new step and compensates what it did. */
  private static final class Cancel implements Action {
    @Override
    public String name() {
      return "cancel";
    }

    @Override
    public boolean offeredOn(SagaStatus status) {
      return status == SagaStatus.RUNNING;
    }

    @Override
    public Outcome apply(SagaActions saga, ObjectNode body) {
      String reason = text(body, "reason");
      return refusable(() -> saga.cancel(reason), "cancelled: the saga compensates",
          "the saga compensates or has settled already; there is nothing to cancel");
    }
  }

  /** Retry a FAILED saga: its compensators that failed for good run again. */
  private static final class Retry implements Action {
    @Override
    public String name() {
      return "retry";
    }

    @Override
    public boolean offeredOn(SagaStatus status) {
      return status == SagaStatus.FAILED;
    }

    @Override
    public Outcome apply(SagaActions saga, ObjectNode body) {
      return refusable(saga::retry, "retried: the failed compensators run again", "there was nothing to retry");
    }
  }

  /** Resolve a stuck step, or a compensator that failed for good, by hand, with a note. */
  private static final class Resolve implements Action {
    @Override
    public String name() {
      return "resolve";
    }

    @Override
    public boolean offeredOn(SagaStatus status) {
      return false;
    }

    @Override
    public boolean offeredOn(SagaStatus status, StepSummary step) {
      boolean stuck = step.status() == StepStatus.QUEUED || step.status() == StepStatus.RUNNING;
      return status == SagaStatus.RUNNING && step.compensates().isEmpty() && stuck
          || status == SagaStatus.FAILED && step.compensates().isPresent() && step.status() == StepStatus.FAILED;
    }

    @Override
    public Outcome apply(SagaActions saga, ObjectNode body) {
      String stepId = text(body, "stepId");
      String note = text(body, "note");
      return refusable(() -> saga.resolve(stepId, note), "resolved: the saga goes on",
          "the step had settled already");
    }
  }
}
