package io.brokkr.cli;

import io.brokkr.cli.SagaReport.StepReport;
import io.brokkr.cli.Table.Cell;
import java.util.List;

/**
 * A saga as a tree: the saga, then its steps in the order they were added, each compensator under
 * its step; one row per step with its status, attempts, worker, dependencies and failure reason.
 * ASCII only, so that any terminal encoding shows it.
 */
final class SagaTree {
  private SagaTree() {}

  static void print(SagaReport saga, Output out) {
    out.println(out.paint(Style.BOLD, "saga " + saga.id()) + "  " + out.paint(Style.of(saga.status()), saga.status().name())
        + "  (namespace " + saga.namespace() + ", " + saga.steps().size() + " steps)");
    saga.failure().ifPresent(f -> out.println("failed at step " + f.step() + ": " + firstLine(f.reason())));
    Table table = new Table("STEP", "STATUS", "ATTEMPTS", "WORKER", "DEPENDS ON", "FAILURE");
    List<StepReport> steps = saga.steps();
    for (int i = 0; i < steps.size(); i++) {
      boolean last = i == steps.size() - 1;
      StepReport step = steps.get(i);
      row(table, (last ? "`- " : "+- ") + step.id(), step);
      step.compensator().ifPresent(c -> row(table, (last ? "   " : "|  ") + "`- undo: " + c.id(), c));
    }
    table.render(out).forEach(out::println);
  }

  private static void row(Table table, String label, StepReport step) {
    table.row(Cell.plain(label), new Cell(step.status().name(), Style.of(step.status())),
        Cell.plain(String.valueOf(step.attempts())), Cell.plain(step.worker()),
        Cell.plain(String.join(", ", step.dependsOn())),
        new Cell(step.failureReason().map(SagaTree::firstLine).orElse(""), Style.RED));
  }

  private static String firstLine(String text) {
    int end = text.indexOf('\n');
    return end < 0 ? text : text.substring(0, end) + " ...";
  }
}
