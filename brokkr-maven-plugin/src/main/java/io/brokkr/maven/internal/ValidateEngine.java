package io.brokkr.maven.internal;

import io.brokkr.dsl.yaml.YamlProblem;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * {@code brokkr:validate}: every problem of every YAML saga, then the versioning lint against the
 * previous descriptors, each logged as {@code file:line:column: [Brokkr/Id] message}.
 */
public final class ValidateEngine {
  /** Files in path order, then top to bottom: the order a reader fixes them in. */
  private static final Comparator<YamlProblem> BY_LOCATION = Comparator
      .comparing((YamlProblem p) -> p.location().file())
      .thenComparingInt(p -> p.location().line())
      .thenComparingInt(p -> p.location().column());

  private ValidateEngine() {}

  /**
   * Logs every problem; the outcome says whether the build must fail.
   *
   * @throws IOException when a saga file or a previous descriptor cannot be read
   */
  public static Outcome run(ValidateConfig config, BuildLog log) throws IOException {
    List<SagaSource> sources = SagaSources.read(config.baseDir(), config.sourceDirectory());
    List<YamlProblem> errors = new ArrayList<>(SagaSources.problems(sources));
    List<YamlProblem> incompatible = new ArrayList<>();
    for (Path descriptor : config.previousDescriptors()) {
      PreviousVersions.Findings findings = PreviousVersions.check(config.baseDir(), descriptor, sources);
      errors.addAll(findings.unreadable());
      incompatible.addAll(findings.incompatible());
    }
    if (config.failOnIncompatibleChange()) {
      errors.addAll(incompatible);
      incompatible.clear();
    }
    errors.sort(BY_LOCATION);
    incompatible.sort(BY_LOCATION);
    errors.forEach(p -> log.error(p.toString()));
    incompatible.forEach(p -> log.warn(p.toString()));
    if (errors.isEmpty()) {
      long sagas = sources.stream().mapToLong(s -> s.sagas().sagas().size()).sum();
      log.info("Brokkr: " + sagas + " saga(s) in " + sources.size() + " file(s) under "
          + SagaSources.display(config.baseDir(), config.sourceDirectory()) + " are valid");
    }
    return new Outcome(errors.size(), incompatible.size());
  }
}
