package io.brokkr.cli;

import java.io.PrintWriter;
import picocli.AutoComplete;
import picocli.CommandLine;

/**
 * The {@code brokkr} command: operate the sagas of a namespace on Redis and check YAML sagas
 * outside a build. Exit codes: 0 ok, 1 not found, refused or invalid, 2 usage.
 */
public final class BrokkrCli {
  private BrokkrCli() {}

  /** Runs the command line and exits with its code. */
  public static void main(String[] args) {
    System.exit(run(new PrintWriter(System.out, true), new PrintWriter(System.err, true), args));
  }

  /**
   * Runs the command line, writing to {@code out} and {@code err}.
   *
   * @return the exit code: 0 ok, 1 not found, refused or invalid, 2 usage
   */
  public static int run(PrintWriter out, PrintWriter err, String... args) {
    Logs.quiet();
    CommandLine line = commandLine();
    line.setOut(out);
    line.setErr(err);
    return line.execute(args);
  }

  static CommandLine commandLine() {
    CommandLine line = new CommandLine(new RootCommand());
    line.addSubcommand("completion", new AutoComplete.GenerateCompletion());
    CommandLine completion = line.getSubcommands().get("completion");
    completion.getCommandSpec().name("completion").usageMessage().hidden(false)
        .description("Prints the bash/zsh completion script of brokkr.",
            "Install it with: source <(brokkr completion) in this shell, or"
                + " brokkr completion > /etc/bash_completion.d/brokkr for every shell.");
    everyCommand(line);
    line.setCaseInsensitiveEnumValuesAllowed(true);
    line.setParameterExceptionHandler(new UsageErrors());
    line.setExecutionExceptionHandler((e, cmd, parsed) -> {
      // Commands report their own failures; this catches what escaped one.
      Failures.report(e, cmd.getErr(), false);
      return ExitCodes.FAILED;
    });
    return line;
  }

  /** {@code --help} and {@code --version} on every command, and the exit codes in every help. */
  private static void everyCommand(CommandLine line) {
    line.getCommandSpec().mixinStandardHelpOptions(true);
    line.getCommandSpec().usageMessage().exitCodeListHeading("%nExit codes:%n").exitCodeList(ExitCodes.HELP);
    line.getSubcommands().values().forEach(BrokkrCli::everyCommand);
  }
}
