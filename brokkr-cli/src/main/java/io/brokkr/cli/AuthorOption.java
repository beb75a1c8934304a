package io.brokkr.cli;

import picocli.CommandLine.Option;

/** Who acts: recorded with an operator action in the saga's history. */
final class AuthorOption {
  @Option(names = "--author", paramLabel = "NAME", defaultValue = "${env:BROKKR_AUTHOR:-${sys:user.name}}",
      description = "Who acts, recorded in the saga's history (env BROKKR_AUTHOR; default: the user, ${DEFAULT-VALUE}).")
  String author;
}
