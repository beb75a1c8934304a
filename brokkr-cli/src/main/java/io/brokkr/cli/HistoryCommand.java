package io.brokkr.cli;

import io.brokkr.runtime.HistoryEntry;
import io.brokkr.runtime.OperatorAction;
import java.util.List;
import java.util.Optional;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;

/** {@code brokkr history ID}: a saga's timeline. */
@Command(name = "history", description = {
    "Shows a saga's timeline, oldest first: its creation, every move of the saga and of its steps (with node,"
        + " attempt, fencing token and failure reason) and every operator action with its author and note.",
    "A saga keeps its newest " + HistoryEntry.LIMIT + " entries."})
final class HistoryCommand extends CliCommand {
  @Mixin
  ConnectionOptions connection;

  @Parameters(paramLabel = "ID", description = "The saga's id.")
  String sagaId;

  /**
   * An entry as {@code --json} prints it; absent values are null.
   *
   * @param at when, ISO-8601
   * @param kind CREATED, SAGA_MOVED, STEP_MOVED or ACTION
   * @param stepId the step, for a step's move or an action on a step
   * @param from the status before a move
   * @param to the status after a move
   * @param nodeId the node holding the attempt, for a move into or out of RUNNING
   * @param attempt the step's attempt number
   * @param token the attempt's fencing token, for a move into or out of RUNNING
   * @param reason why a step failed, or why the saga compensates
   * @param action the operator action: CANCEL, RETRY or RESOLVE
   * @param author who acted
   * @param note why, or what was done by hand
   */
  record Entry(String at, HistoryEntry.Kind kind, Optional<String> stepId, Optional<String> from, Optional<String> to,
      Optional<String> nodeId, int attempt, long token, Optional<String> reason, Optional<OperatorAction.Kind> action,
      Optional<String> author, Optional<String> note) {
    static Entry of(HistoryEntry e) {
      return new Entry(e.at().toString(), e.kind(), e.stepId(), e.from(), e.to(), e.nodeId(), e.attempt(), e.token(),
          e.reason(), e.action().map(OperatorAction::kind), e.action().map(OperatorAction::author),
          e.action().map(OperatorAction::note));
    }
  }

  /**
   * The history as {@code --json} prints it.
   *
   * @param sagaId the saga
   * @param entries its entries, oldest first
   */
  record History(String sagaId, List<Entry> entries) {}

  @Override
  int execute(Output out) throws Exception {
    try (Connection open = Connection.open(connection, List.of())) {
      List<HistoryEntry> history = open.saga(sagaId).getHistory();
      if (out.json()) {
        out.printJson(new History(sagaId, history.stream().map(Entry::of).toList()));
        return ExitCodes.OK;
      }
      Table table = new Table("TIME", "WHAT", "STEP", "MOVE", "NODE", "ATTEMPT", "DETAIL");
      for (HistoryEntry e : history) {
        table.row(Table.Cell.plain(Times.utc(e.at())), Table.Cell.plain(what(e)), Table.Cell.plain(e.stepId().orElse("-")),
            Table.Cell.plain(move(e)), Table.Cell.plain(e.nodeId().orElse("-")),
            Table.Cell.plain(e.attempt() == 0 ? "-" : Integer.toString(e.attempt())), Table.Cell.plain(detail(e)));
      }
      table.render(out).forEach(out::println);
      return ExitCodes.OK;
    }
  }

  private static String what(HistoryEntry e) {
    return switch (e.kind()) {
      case CREATED -> "created";
      case SAGA_MOVED -> "saga";
      case STEP_MOVED -> "step";
      case ACTION -> e.action().orElseThrow().kind().name().toLowerCase(java.util.Locale.ROOT);
    };
  }

  private static String move(HistoryEntry e) {
    if (e.from().isEmpty()) {
      return e.to().orElse("-");
    }
    return e.from().get() + " -> " + e.to().orElseThrow();
  }

  private static String detail(HistoryEntry e) {
    if (e.action().isPresent()) {
      OperatorAction action = e.action().get();
      return "by " + action.author() + (action.note().isEmpty() ? "" : ": " + action.note());
    }
    return e.reason().orElse("");
  }
}
