package io.brokkr.cli;

import io.brokkr.runtime.SagaPage;
import io.brokkr.runtime.SagaStatus;
import io.brokkr.runtime.SagaSummary;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

/** {@code brokkr list}: one page of the namespace's sagas, newest change first. */
@Command(name = "list", description = {
    "Lists the sagas of the namespace, newest change first, one page at a time.",
    "Filter by status, name and last change; when more sagas match, the last line gives the"
        + " --cursor of the next page."})
final class ListCommand extends CliCommand {
  @Mixin
  ConnectionOptions connection;

  @Mixin
  ListOptions filters;

  /**
   * A saga of the page, as {@code --json} prints it.
   *
   * @param id the saga's id
   * @param name its name; null for an unnamed dynamic saga
   * @param status its status
   * @param createdAt when it was created, ISO-8601
   * @param updatedAt when it last changed, ISO-8601
   */
  record Row(String id, Optional<String> name, SagaStatus status, String createdAt, String updatedAt) {
    static Row of(SagaSummary saga) {
      return new Row(saga.sagaId(), saga.name(), saga.status(), saga.createdAt().toString(), saga.updatedAt().toString());
    }
  }

  /**
   * The page as {@code --json} prints it.
   *
   * @param sagas the sagas, newest change first
   * @param nextCursor the {@code --cursor} of the next page; null on the last page
   */
  record Page(List<Row> sagas, Optional<String> nextCursor) {}

  @Override
  int execute(Output out) throws Exception {
    try (Connection open = Connection.open(connection, List.of())) {
      SagaPage page = open.brokkr().findSagas(filters.query(Instant.now()));
      if (out.json()) {
        out.printJson(new Page(page.sagas().stream().map(Row::of).toList(), page.nextCursor()));
        return ExitCodes.OK;
      }
      if (page.sagas().isEmpty()) {
        out.println("no sagas match in namespace \"" + connection.namespace + "\"");
        return ExitCodes.OK;
      }
      Table table = new Table("ID", "NAME", "STATUS", "CREATED", "UPDATED");
      for (SagaSummary saga : page.sagas()) {
        table.row(Table.Cell.plain(saga.sagaId()), Table.Cell.plain(saga.name().orElse("-")),
            new Table.Cell(saga.status().name(), Style.of(saga.status())), Table.Cell.plain(Times.utc(saga.createdAt())),
            Table.Cell.plain(Times.utc(saga.updatedAt())));
      }
      table.render(out).forEach(out::println);
      page.nextCursor().ifPresent(next -> out.println("more sagas match: the next page is --cursor " + next));
      return ExitCodes.OK;
    }
  }
}
