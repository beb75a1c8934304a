package io.brokkr.cli;

import io.brokkr.runtime.Saga;
import io.brokkr.runtime.SagaStatus;
import java.util.List;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code brokkr cancel ID --reason R}: an operator stops a running saga, which compensates. */
@Command(name = "cancel", description = {
    "Cancels a running saga: it takes no new step and compensates what it did, as when a step fails for good.",
    "Fails (exit 1) for a saga that compensates or has settled already, or was never started."})
final class CancelCommand extends CliCommand {
  @Mixin
  ConnectionOptions connection;

  @Parameters(paramLabel = "ID", description = "The saga's id.")
  String sagaId;

  @Option(names = "--reason", required = true, paramLabel = "R", description = "Why: recorded as the saga's failure.")
  String reason;

  @Mixin
  AuthorOption author;

  /**
   * What {@code --json} prints once the saga is cancelled.
   *
   * @param sagaId the saga
   * @param status its status after the cancel (COMPENSATING, or already settled if it compensated at once)
   */
  record Cancelled(String sagaId, SagaStatus status) {}

  @Override
  int execute(Output out) throws Exception {
    try (Connection open = Connection.open(connection, List.of())) {
      Saga saga = open.saga(sagaId);
      boolean cancelled;
      try {
        cancelled = saga.actingAs(author.author).cancel(reason);
      } catch (IllegalStateException e) {
        throw new CliException(e.getMessage(), e);
      }
      SagaStatus status = saga.getStatus();
      if (!cancelled) {
        throw new CliException("saga " + sagaId + " is " + status + " already; there is nothing to cancel");
      }
      if (out.json()) {
        out.printJson(new Cancelled(sagaId, status));
      } else {
        out.println("cancelled saga " + sagaId + ": it is " + status + " (see brokkr show " + sagaId + ")");
      }
      return ExitCodes.OK;
    }
  }
}
