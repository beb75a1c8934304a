package io.brokkr.cli;

import java.util.concurrent.Callable;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/**
 * A command: its work gets the output, and a failure becomes one line on stderr (with the stack
 * trace under {@code --verbose}) and exit code 1.
 */
abstract class CliCommand implements Callable<Integer> {
  @Spec
  CommandSpec spec;

  @Mixin
  OutputOptions output;

  @Override
  public final Integer call() {
    Output out = new Output(spec.commandLine().getOut(), output.json, Output.colorWanted(output.noColor));
    try {
      return execute(out);
    } catch (Exception e) {
      Failures.report(e, spec.commandLine().getErr(), output.verbose);
      return ExitCodes.FAILED;
    } finally {
      out.flush();
    }
  }

  /** Does the command's work; returns its exit code. */
  abstract int execute(Output out) throws Exception;
}
