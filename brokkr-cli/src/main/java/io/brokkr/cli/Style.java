package io.brokkr.cli;

import io.brokkr.runtime.SagaStatus;
import io.brokkr.runtime.StepStatus;

/** ANSI styles of the human output; each status has one. */
enum Style {
  PLAIN(""), BOLD("1"), DIM("2"), GREEN("32"), YELLOW("33"), RED("31"), CYAN("36");

  private final String code;

  Style(String code) {
    this.code = code;
  }

  String apply(String text) {
    return code.isEmpty() || text.isEmpty() ? text : "\u001b[" + code + "m" + text + "\u001b[0m";
  }

  static Style of(SagaStatus status) {
    return switch (status) {
      case FINISHED, COMPENSATED -> GREEN;
      case RUNNING, COMPENSATING -> YELLOW;
      case FAILED -> RED;
      case CREATED -> PLAIN;
    };
  }

  static Style of(StepStatus status) {
    return switch (status) {
      case FINISHED, COMPENSATED -> GREEN;
      case RUNNING, QUEUED, COMPENSATING -> YELLOW;
      case FAILED -> RED;
      case SKIPPED, WAITING_FOR_COMPENSATION -> DIM;
      case CREATED -> PLAIN;
    };
  }
}
