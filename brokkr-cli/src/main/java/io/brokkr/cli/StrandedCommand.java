package io.brokkr.cli;

import io.brokkr.runtime.Brokkr;
import io.brokkr.runtime.SagaQuery;
import io.brokkr.runtime.SagaSummary;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

/** {@code brokkr stranded}: the workers with ready steps that no live node hosts. */
@Command(name = "stranded", description = {
    "Lists the workers with steps ready to run that no live node hosts, and a few of their sagas.",
    "Those steps wait until a node registers their worker."})
final class StrandedCommand extends CliCommand {
  /** How many saga ids a worker's line shows. */
  static final int SAGAS_SHOWN = 5;

  @Mixin
  ConnectionOptions connection;

  /**
   * A stranded worker as {@code --json} prints it.
   *
   * @param worker the worker's name
   * @param readySteps how many steps wait for it
   * @param sagas the ids of up to {@value #SAGAS_SHOWN} of their sagas, newest change first
   */
  record Worker(String worker, long readySteps, List<String> sagas) {}

  /**
   * The stranded workers as {@code --json} prints them.
   *
   * @param stranded the workers, by name; empty when there is no stranded work
   */
  record Stranded(List<Worker> stranded) {}

  @Override
  int execute(Output out) throws Exception {
    try (Connection open = Connection.open(connection, List.of())) {
      List<Worker> workers = stranded(open.brokkr());
      if (out.json()) {
        out.printJson(new Stranded(workers));
        return ExitCodes.OK;
      }
      if (workers.isEmpty()) {
        out.println("no stranded work in namespace \"" + connection.namespace + "\"");
        return ExitCodes.OK;
      }
      Table table = new Table("WORKER", "READY STEPS", "SAGAS");
      for (Worker worker : workers) {
        String sagas = String.join(", ", worker.sagas()) + (worker.readySteps() > worker.sagas().size() ? ", ..." : "");
        table.row(new Table.Cell(worker.worker(), Style.BOLD), Table.Cell.plain(String.valueOf(worker.readySteps())),
            Table.Cell.plain(sagas));
      }
      table.render(out).forEach(out::println);
      return ExitCodes.OK;
    }
  }

  private static List<Worker> stranded(Brokkr brokkr) {
    List<Worker> workers = new ArrayList<>();
    for (Map.Entry<String, Long> entry : brokkr.strandedWorkers().entrySet()) {
      List<String> sagas = brokkr.findSagas(SagaQuery.all().waitingOn(entry.getKey()).limit(SAGAS_SHOWN)).sagas()
          .stream().map(SagaSummary::sagaId).toList();
      workers.add(new Worker(entry.getKey(), entry.getValue(), sagas));
    }
    return workers;
  }
}
