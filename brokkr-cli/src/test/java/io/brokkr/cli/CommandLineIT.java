package io.brokkr.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The jar, its launcher, help, version, completion and usage errors. */
class CommandLineIT {
  static final List<String> COMMANDS = List.of("list", "count", "show", "history", "watch", "cancel", "retry", "resolve",
      "dashboard", "nodes", "stranded", "validate", "diagram", "completion");

  @Test
  void everyCommandHasHelpWithTheExitCodes() {
    for (String command : COMMANDS) {
      Cli.Run run = Cli.run(command, "--help");
      assertEquals(0, run.exitCode(), command + ": " + run.err());
      assertTrue(run.out().startsWith("Usage: brokkr " + command), run.out());
      assertTrue(run.out().contains("Exit codes:\n   0   ok\n   1   not found, refused, unreachable Redis, or invalid sagas\n"
          + "   2   usage error"), run.out());
    }
    Cli.Run root = Cli.run("--help");
    assertEquals(0, root.exitCode());
    COMMANDS.forEach(c -> assertTrue(root.out().contains("\n  " + c + " "), c));
  }

  @Test
  void theLauncherFindsTheJarInTarget() {
    Path launcher = Path.of("bin/brokkr").toAbsolutePath();
    Cli.Started started = Cli.start(List.of("sh", launcher.toString()), Map.of(), "--version");
    Cli.Run run;
    try (started) {
      started.await(started.out, l -> l.startsWith("brokkr "), "with the version");
      run = new Cli.Run(0, String.join("\n", started.out), started.err());
    }
    assertTrue(run.out().startsWith("brokkr 0.1.0-SNAPSHOT (Java "), run.out());
  }

  @Test
  void completionIsABashScriptOfEveryCommand() {
    Cli.Run run = Cli.run("completion");
    assertEquals(0, run.exitCode(), run.err());
    assertTrue(run.out().contains("complete -F _complete_brokkr"), run.out());
    COMMANDS.forEach(c -> assertTrue(run.out().contains(c), c));
  }

  @Test
  void usageErrorsAreOneLineAndExitCode2() {
    Cli.Run none = Cli.run();
    assertEquals(2, none.exitCode());
    assertEquals(List.of("brokkr: a command is missing: one of [list, count, show, history, watch, cancel, retry,"
        + " resolve, dashboard, nodes, stranded, validate, diagram, completion]"
        + " (see brokkr --help)"), none.errLines());
    Cli.Run unknown = Cli.run("show", "--bogus", "id");
    assertEquals(2, unknown.exitCode());
    assertEquals(List.of("brokkr show: Unknown option: '--bogus' (see brokkr show --help)"), unknown.errLines());
    Cli.Run timeout = Cli.run("show", "--connect-timeout", "0s", "id");
    assertEquals(2, timeout.exitCode());
    assertEquals(List.of("brokkr show: Invalid value for option '--connect-timeout': \"0s\" is not a duration above zero"
        + " (see brokkr show --help)"), timeout.errLines());
  }
}
