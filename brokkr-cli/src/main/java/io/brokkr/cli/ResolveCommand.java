package io.brokkr.cli;

import io.brokkr.runtime.Saga;
import io.brokkr.runtime.SagaStatus;
import java.util.List;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code brokkr resolve ID STEP --note N}: an operator settles a step by hand. */
@Command(name = "resolve", description = {
    "Settles a step by hand, its work done outside, and the saga goes on: a QUEUED or RUNNING step (stuck) finishes"
        + " without a result; a compensator that failed for good counts as finished, its step as compensated.",
    "Naming a step whose compensator failed resolves that compensator. Fails (exit 1) where nothing can be resolved."})
final class ResolveCommand extends CliCommand {
  @Mixin
  ConnectionOptions connection;

  @Parameters(index = "0", paramLabel = "ID", description = "The saga's id.")
  String sagaId;

  @Parameters(index = "1", paramLabel = "STEP", description = "The step's or compensator's id.")
  String stepId;

  @Option(names = "--note", required = true, paramLabel = "N", description = "What was done by hand, recorded in the history.")
  String note;

  @Mixin
  AuthorOption author;

  /**
   * What {@code --json} prints once the step is resolved.
   *
   * @param sagaId the saga
   * @param stepId the step named
   * @param status the saga's status after the resolve
   */
  record Resolved(String sagaId, String stepId, SagaStatus status) {}

  @Override
  int execute(Output out) throws Exception {
    try (Connection open = Connection.open(connection, List.of())) {
      Saga saga = open.saga(sagaId);
      boolean resolved;
      try {
        resolved = saga.actingAs(author.author).resolve(stepId, note);
      } catch (IllegalArgumentException | IllegalStateException e) {
        throw new CliException(e.getMessage(), e);
      }
      if (!resolved) {
        throw new CliException("step \"" + stepId + "\" of saga " + sagaId + " has settled already; nothing to resolve");
      }
      SagaStatus status = saga.getStatus();
      if (out.json()) {
        out.printJson(new Resolved(sagaId, stepId, status));
      } else {
        out.println("resolved step " + stepId + " of saga " + sagaId + ": the saga is " + status
            + " (see brokkr history " + sagaId + ")");
      }
      return ExitCodes.OK;
    }
  }
}
