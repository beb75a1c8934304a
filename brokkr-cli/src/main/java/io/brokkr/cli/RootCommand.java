package io.brokkr.cli;

import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/** {@code brokkr}: without a command, a usage error that lists the commands. */
@Command(name = "brokkr",
    versionProvider = Version.class,
    description = {
        "Operates the sagas of a Brokkr namespace on Redis, and checks YAML sagas outside a build.",
        "Commands that read Redis connect with --redis URL (or BROKKR_REDIS; rediss:// for TLS),"
            + " --namespace (or BROKKR_NAMESPACE), and --user and --password (or BROKKR_USER,"
            + " BROKKR_PASSWORD) for an ACL user; --verbose shows the stack trace of a failure."},
    subcommands = {ListCommand.class, CountCommand.class, ShowCommand.class, HistoryCommand.class, WatchCommand.class,
        CancelCommand.class, RetryCommand.class, ResolveCommand.class, DashboardCommand.class,
        NodesCommand.class, StrandedCommand.class, ValidateCommand.class, DiagramCommand.class})
final class RootCommand implements Runnable {
  @Spec
  CommandSpec spec;

  @Override
  public void run() {
    throw new ParameterException(spec.commandLine(), "a command is missing: one of " + spec.subcommands().keySet());
  }
}
