package io.brokkr.cli;

import io.brokkr.dsl.yaml.YamlProblem;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/** {@code brokkr validate FILES...}: every problem of every YAML saga, as brokkr:validate reports them. */
@Command(name = "validate", description = {
    "Checks YAML sagas as the build does.",
    "As brokkr:validate, outside a build: every problem of every file as"
        + " file:line:column: [Brokkr/Id] message; exit code 1 when there is one."})
final class ValidateCommand extends CliCommand {
  @Parameters(paramLabel = "FILE", arity = "1..*", description = "YAML saga files, or directories of them.")
  List<Path> files;

  /**
   * What {@code brokkr validate --json} prints (these field names are stable).
   *
   * @param valid whether no file has a problem
   * @param files the files read, in order
   * @param sagas the names of the sagas read, valid or not
   * @param problems every problem
   */
  record Report(boolean valid, List<String> files, List<String> sagas, List<ProblemReport> problems) {}

  /**
   * A problem.
   *
   * @param file the file as given
   * @param line its line, from 1
   * @param column its column, from 1
   * @param id the problem's stable id, e.g. {@code Brokkr/Cycle}
   * @param message what is wrong and how to fix it
   */
  record ProblemReport(String file, int line, int column, String id, String message) {
    static ProblemReport of(YamlProblem p) {
      return new ProblemReport(p.location().file(), p.location().line(), p.location().column(), p.problem().id(),
          p.problem().message());
    }
  }

  @Override
  int execute(Output out) throws Exception {
    List<String> read = new ArrayList<>();
    List<String> sagas = new ArrayList<>();
    List<YamlProblem> problems = new ArrayList<>();
    for (Path file : YamlFiles.expand(files)) {
      YamlFiles.Read one = YamlFiles.read(file);
      read.add(one.display());
      one.sagas().sagas().forEach(s -> sagas.add(s.name()));
      problems.addAll(one.sagas().problems());
    }
    if (read.isEmpty()) {
      throw new CliException("no .yaml or .yml file in " + files);
    }
    problems.sort(YamlProblem.BY_LOCATION);
    if (out.json()) {
      out.printJson(new Report(problems.isEmpty(), read, sagas, problems.stream().map(ProblemReport::of).toList()));
    } else {
      problems.forEach(p -> out.println(out.paint(Style.BOLD, p.location().toString()) + ": "
          + out.paint(Style.RED, "[" + p.problem().id() + "]") + " " + p.problem().message()));
      out.println(problems.isEmpty()
          ? out.paint(Style.GREEN, sagas.size() + " saga(s) in " + read.size() + " file(s) are valid")
          : out.paint(Style.RED, problems.size() + " problem(s) in " + read.size() + " file(s)"));
    }
    return problems.isEmpty() ? ExitCodes.OK : ExitCodes.FAILED;
  }
}
