package io.brokkr.maven.internal;

import io.brokkr.dsl.SagaTemplate;
import io.brokkr.dsl.diagram.SagaDiagrams;
import io.brokkr.dsl.yaml.YamlProblem;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code brokkr:diagram}: a Mermaid and a DOT file per saga, YAML or annotated, and an
 * {@code index.md} embedding them all. Files whose content would not change are left untouched.
 */
public final class DiagramEngine {
  /** The name of the page that embeds every diagram. */
  public static final String INDEX = "index.md";

  private DiagramEngine() {}

  /**
   * Draws every valid saga; an invalid one is skipped with a warning (validate reports its
   * problems), two sagas of one name are an error.
   *
   * @throws IOException when a saga file cannot be read or a diagram cannot be written
   */
  public static Outcome run(DiagramConfig config, BuildLog log) throws IOException {
    List<SagaSource> sources = new ArrayList<>(SagaSources.read(config.baseDir(), config.sourceDirectory()));
    sources.addAll(SagaSources.read(config.baseDir(), config.descriptorDirectory()));
    List<YamlProblem> duplicates = SagaSources.duplicates(sources);
    if (!duplicates.isEmpty()) {
      duplicates.forEach(p -> log.error(p.toString()));
      return new Outcome(duplicates.size(), 0);
    }
    List<SagaTemplate> drawn = new ArrayList<>();
    int skipped = 0;
    for (SagaSource source : sources) {
      for (SagaTemplate saga : source.sagas().sagas()) {
        if (saga.validate().isValid()) {
          drawn.add(saga);
        } else {
          skipped++;
          log.warn(source.display() + ": saga \"" + saga.name() + "\" is invalid and not drawn;"
              + " brokkr:validate lists its problems");
        }
      }
      if (source.sagas().sagas().isEmpty() && !source.sagas().isValid()) {
        skipped++;
        log.warn(source.display() + ": unreadable, nothing drawn; brokkr:validate lists its problems");
      }
    }
    int written = 0;
    for (SagaTemplate saga : drawn) {
      written += write(config, SagaDiagrams.fileName(saga, SagaDiagrams.MERMAID_EXTENSION), SagaDiagrams.mermaid(saga));
      written += write(config, SagaDiagrams.fileName(saga, SagaDiagrams.DOT_EXTENSION), SagaDiagrams.dot(saga));
    }
    written += write(config, INDEX, SagaDiagrams.index(drawn));
    int files = 2 * drawn.size() + 1;
    log.info("Brokkr: " + drawn.size() + " saga(s) drawn into "
        + SagaSources.display(config.baseDir(), config.outputDirectory()) + ": " + written + " file(s) written, "
        + (files - written) + " unchanged");
    return new Outcome(0, skipped);
  }

  private static int write(DiagramConfig config, String name, String content) throws IOException {
    Path file = config.outputDirectory().resolve(name);
    return Outputs.writeIfChanged(file, content) ? 1 : 0;
  }
}
