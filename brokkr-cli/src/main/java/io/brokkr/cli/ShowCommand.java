package io.brokkr.cli;

import io.brokkr.runtime.Saga;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;

/** {@code brokkr show ID}: one saga as a tree of its steps. */
@Command(name = "show", description = {
    "Shows a saga as a tree of its steps.",
    "Each step with its status, attempts, worker, dependencies, compensator and failure reason;"
        + " and the step whose failure made the saga compensate."})
final class ShowCommand extends CliCommand {
  @Mixin
  ConnectionOptions connection;

  @Parameters(paramLabel = "ID", description = "The saga's id.")
  String sagaId;

  @Override
  int execute(Output out) throws Exception {
    try (Connection open = Connection.open(connection, java.util.List.of())) {
      Saga saga = open.saga(sagaId);
      SagaReport report = SagaReport.of(connection.namespace, saga);
      if (out.json()) {
        out.printJson(report);
      } else {
        SagaTree.print(report, out);
      }
      return ExitCodes.OK;
    }
  }
}
