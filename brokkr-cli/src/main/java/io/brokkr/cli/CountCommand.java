package io.brokkr.cli;

import io.brokkr.runtime.SagaStatus;
import java.util.List;
import java.util.Map;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

/** {@code brokkr count}: how many sagas the namespace keeps, by status. */
@Command(name = "count", description = "Counts the sagas the namespace keeps, by status (every status, 0 where none).")
final class CountCommand extends CliCommand {
  @Mixin
  ConnectionOptions connection;

  /**
   * The counts as {@code --json} prints them.
   *
   * @param counts the number of sagas of each status, every status listed
   * @param total the number of sagas
   */
  record Counts(Map<SagaStatus, Long> counts, long total) {}

  @Override
  int execute(Output out) throws Exception {
    try (Connection open = Connection.open(connection, List.of())) {
      Map<SagaStatus, Long> counts = open.brokkr().countSagas();
      long total = counts.values().stream().mapToLong(Long::longValue).sum();
      if (out.json()) {
        out.printJson(new Counts(counts, total));
        return ExitCodes.OK;
      }
      Table table = new Table("STATUS", "COUNT");
      for (SagaStatus status : SagaStatus.values()) {
        table.row(new Table.Cell(status.name(), Style.of(status)), Table.Cell.plain(String.valueOf(counts.getOrDefault(status, 0L))));
      }
      table.row(new Table.Cell("TOTAL", Style.BOLD), Table.Cell.plain(String.valueOf(total)));
      table.render(out).forEach(out::println);
      return ExitCodes.OK;
    }
  }
}
