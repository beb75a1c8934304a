package io.brokkr.cli;

import io.brokkr.runtime.Saga;
import io.brokkr.runtime.SagaStatus;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import org.jspecify.annotations.Nullable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;

/** {@code brokkr watch [ID]}: every saga and step transition, as it happens. */
@Command(name = "watch", description = {
    "Prints saga and step transitions as they happen.",
    "Every transition of the namespace, until Ctrl-C; with an ID, only that saga's, until it settles"
        + " (at once if it has settled already). With --json, one JSON object per line."})
final class WatchCommand extends CliCommand {
  @Mixin
  ConnectionOptions connection;

  @Parameters(paramLabel = "ID", arity = "0..1", description = "Only this saga's transitions.")
  @Nullable String sagaId;

  @Override
  int execute(Output out) throws Exception {
    Optional<String> only = Optional.ofNullable(sagaId);
    CountDownLatch settled = new CountDownLatch(1);
    TransitionPrinter printer = new TransitionPrinter(out, only, settled::countDown);
    try (Connection open = Connection.open(connection, List.of(printer))) {
      // Ctrl-C ends the JVM: the node and the client are closed on the way out.
      Thread closer = new Thread(open::close, "brokkr-watch-close");
      Runtime.getRuntime().addShutdownHook(closer);
      try {
        return watch(open, only, printer, settled);
      } finally {
        try {
          Runtime.getRuntime().removeShutdownHook(closer);
        } catch (IllegalStateException shuttingDown) {
          // The hook closes the connection.
        }
      }
    }
  }

  private int watch(Connection open, Optional<String> only, TransitionPrinter printer, CountDownLatch settled)
      throws CliException, InterruptedException {
      if (only.isPresent()) {
        Saga saga = open.brokkr().getSaga(only.get()).orElseThrow(() -> new CliException(
            "no saga \"" + only.get() + "\" in namespace \"" + connection.namespace + "\" on " + connection.redis.shown()));
        SagaStatus status = saga.getStatus();
        printer.current(saga.getId(), status);
        if (status.isSettled()) {
          return ExitCodes.OK;
        }
      }
      spec.commandLine().getErr().println("watching namespace \"" + connection.namespace + "\" on "
          + connection.redis.shown() + only.map(id -> ", saga " + id).orElse("") + "; Ctrl-C to stop");
      spec.commandLine().getErr().flush();
      settled.await();
      return ExitCodes.OK;
  }
}
