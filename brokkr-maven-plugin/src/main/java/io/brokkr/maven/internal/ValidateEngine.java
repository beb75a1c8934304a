package io.brokkr.maven.internal;

import io.brokkr.dsl.yaml.YamlProblem;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code brokkr:validate}: every problem of every YAML saga, then the versioning lint of the YAML
 * sagas against the previous descriptors, each logged as {@code file:line:column: [Brokkr/Id] message}.
 * A previous saga with no YAML saga of its name may be an annotated saga, which {@code brokkr:lint}
 * compares after compiling; so whether a saga is gone is judged there.
 */
public final class ValidateEngine {
  private ValidateEngine() {}

  /**
   * Logs every problem; the outcome says whether the build must fail.
   *
   * @throws IOException when a saga file or a previous descriptor cannot be read
   */
  public static Outcome run(ValidateConfig config, BuildLog log) throws IOException {
    List<SagaSource> sources = SagaSources.read(config.baseDir(), config.sourceDirectory());
    PreviousVersions.Findings findings =
        PreviousVersions.check(config.baseDir(), config.previousDescriptors(), sources, name -> true);
    List<YamlProblem> errors = new ArrayList<>(SagaSources.problems(sources));
    errors.addAll(findings.errors(config.failOnIncompatibleChange()));
    Outcome outcome = ProblemLog.log(errors, findings.warnings(config.failOnIncompatibleChange()), log);
    if (!outcome.failed()) {
      long sagas = sources.stream().mapToLong(s -> s.sagas().sagas().size()).sum();
      log.info("Brokkr: " + sagas + " saga(s) in " + sources.size() + " file(s) under "
          + SagaSources.display(config.baseDir(), config.sourceDirectory()) + " are valid");
    }
    return outcome;
  }
}
