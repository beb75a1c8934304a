package io.brokkr.cli;

import picocli.CommandLine.Option;

/** The output options every command takes. */
final class OutputOptions {
  @Option(names = "--json", description = "Print JSON for scripts instead of tables.")
  boolean json;

  @Option(names = "--no-color", description = "Never colour the output (it is coloured only on a terminal).")
  boolean noColor;

  @Option(names = {"-v", "--verbose"}, description = "Print the stack trace of a failure.")
  boolean verbose;
}
