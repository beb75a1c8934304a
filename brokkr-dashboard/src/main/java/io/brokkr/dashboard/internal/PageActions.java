package io.brokkr.dashboard.internal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.brokkr.runtime.Saga;
import io.brokkr.runtime.SagaStatus;
import java.util.List;
import java.util.Optional;

/**
 * What an operator may do to a saga from the page: each action by its name (the {@code data-action}
 * of its button and the last segment of its POST), the statuses that allow it, and what it does.
 * The page offers an action when the saga's detail lists it.
 */
final class PageActions {
  /** Reasons and notes are recorded with the saga: a line or a paragraph, not a document. */
  static final int MAX_TEXT = 1000;

  /** One action on one saga. */
  interface Action {
    /** {@return the action's name: its button's {@code data-action}, its URL's last segment} */
    String name();

    /** {@return whether a saga in this status allows it} */
    boolean allowedOn(SagaStatus status);

    /**
     * Applies the action.
     *
     * @param saga the saga
     * @param body the request's JSON body: the reason, the note, the step
     * @return what happened
     * @throws Exchanges.BadRequest when the body lacks what the action needs
     */
    Outcome apply(Saga saga, ObjectNode body);
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
    return new PageActions(enabled ? List.of(new Cancel()) : List.of());
  }

  Optional<Action> named(String name) {
    return actions.stream().filter(a -> a.name().equals(name)).findFirst();
  }

  List<String> names() {
    return actions.stream().map(Action::name).toList();
  }

  List<String> allowedOn(SagaStatus status) {
    return actions.stream().filter(a -> a.allowedOn(status)).map(Action::name).toList();
  }

  /** A text field of the body: present, not blank, not too long. */
  static String text(ObjectNode body, String field) {
    JsonNode value = body.get(field);
    if (value == null || !value.isTextual() || value.asText().isBlank()) {
      throw new Exchanges.BadRequest("\"" + field + "\" is required: say why");
    }
    String text = value.asText().strip();
    if (text.length() > MAX_TEXT) {
      throw new Exchanges.BadRequest("\"" + field + "\" has " + text.length() + " characters; at most " + MAX_TEXT);
    }
    return text;
  }

  /** Cancel a running saga: it takes no new step and compensates what it did (Saga.cancel). */
  private static final class Cancel implements Action {
    @Override
    public String name() {
      return "cancel";
    }

    @Override
    public boolean allowedOn(SagaStatus status) {
      return status == SagaStatus.RUNNING;
    }

    @Override
    public Outcome apply(Saga saga, ObjectNode body) {
      String reason = text(body, "reason");
      try {
        if (saga.cancel(reason)) {
          return new Outcome(true, "cancelled: the saga compensates");
        }
        return new Outcome(false, "the saga is " + saga.getStatus() + " already; there is nothing to cancel");
      } catch (IllegalStateException e) {
        return new Outcome(false, e.getMessage());
      }
    }
  }
}
