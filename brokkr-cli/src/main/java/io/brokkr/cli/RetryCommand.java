package io.brokkr.cli;

import io.brokkr.runtime.Saga;
import io.brokkr.runtime.SagaStatus;
import java.util.List;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;

/** {@code brokkr retry ID}: a FAILED saga's failed compensators run again. */
@Command(name = "retry", description = {
    "Retries a FAILED saga: each compensator that failed for good runs again, as new attempts, and"
        + " compensation goes on from there.",
    "Fails (exit 1) for a saga that is not FAILED."})
final class RetryCommand extends CliCommand {
  @Mixin
  ConnectionOptions connection;

  @Parameters(paramLabel = "ID", description = "The saga's id.")
  String sagaId;

  @Mixin
  AuthorOption author;

  /**
   * What {@code --json} prints once the saga is retried.
   *
   * @param sagaId the saga
   * @param status its status after the retry (COMPENSATING, or settled if it compensated at once)
   */
  record Retried(String sagaId, SagaStatus status) {}

  @Override
  int execute(Output out) throws Exception {
    try (Connection open = Connection.open(connection, List.of())) {
      Saga saga = open.saga(sagaId);
      boolean retried;
      try {
        retried = saga.actingAs(author.author).retry();
      } catch (IllegalStateException e) {
        throw new CliException(e.getMessage(), e);
      }
      SagaStatus status = saga.getStatus();
      if (!retried) {
        throw new CliException("saga " + sagaId + " is " + status + "; only a FAILED saga can be retried");
      }
      if (out.json()) {
        out.printJson(new Retried(sagaId, status));
      } else {
        out.println("retried saga " + sagaId + ": it is " + status + " (see brokkr history " + sagaId + ")");
      }
      return ExitCodes.OK;
    }
  }
}
