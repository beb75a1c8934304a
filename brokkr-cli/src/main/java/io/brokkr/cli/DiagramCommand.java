package io.brokkr.cli;

import io.brokkr.dsl.SagaTemplate;
import io.brokkr.dsl.diagram.SagaDiagrams;
import io.brokkr.dsl.yaml.YamlProblem;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code brokkr diagram FILE}: the Mermaid or DOT diagram of the sagas of a YAML file, as brokkr:diagram draws them. */
@Command(name = "diagram", description = {
    "Draws the sagas of a YAML file.",
    "As brokkr:diagram does, on stdout: Mermaid (default) or Graphviz DOT. A file with a problem is not"
        + " drawn: its problems are printed as validate prints them, exit code 1."})
final class DiagramCommand extends CliCommand {
  /** The diagram languages. */
  enum Format { MERMAID, DOT }

  @Parameters(paramLabel = "FILE", description = "A YAML saga file.")
  Path file;

  @Option(names = "--format", paramLabel = "FORMAT", defaultValue = "mermaid",
      description = "mermaid or dot (default ${DEFAULT-VALUE}).")
  Format format;

  @Option(names = "--saga", paramLabel = "NAME", description = "Only the saga of this name (default: every saga of the file).")
  @Nullable String saga;

  /**
   * One diagram as {@code brokkr diagram --json} prints it (these field names are stable).
   *
   * @param saga the saga's name
   * @param format mermaid or dot
   * @param diagram the diagram's text
   */
  record Diagram(String saga, String format, String diagram) {}

  @Override
  int execute(Output out) throws Exception {
    YamlFiles.Read read = YamlFiles.read(file);
    if (!read.sagas().isValid()) {
      for (YamlProblem p : read.sagas().problems()) {
        spec.commandLine().getErr().println(p);
      }
      throw new CliException(read.sagas().problems().size() + " problem(s) in " + read.display() + "; nothing drawn");
    }
    Optional<String> only = Optional.ofNullable(saga);
    List<SagaTemplate> sagas = read.sagas().sagas().stream().filter(s -> only.map(s.name()::equals).orElse(true)).toList();
    if (sagas.isEmpty()) {
      throw new CliException("no saga \"" + saga + "\" in " + read.display() + "; it holds "
          + read.sagas().sagas().stream().map(SagaTemplate::name).toList());
    }
    List<Diagram> diagrams = sagas.stream().map(s -> new Diagram(s.name(), format.name().toLowerCase(java.util.Locale.ROOT),
        format == Format.MERMAID ? SagaDiagrams.mermaid(s) : SagaDiagrams.dot(s))).toList();
    if (out.json()) {
      out.printJson(diagrams);
    } else {
      for (int i = 0; i < diagrams.size(); i++) {
        if (i > 0) {
          out.println("");
        }
        out.println(diagrams.get(i).diagram().stripTrailing());
      }
    }
    return ExitCodes.OK;
  }
}
