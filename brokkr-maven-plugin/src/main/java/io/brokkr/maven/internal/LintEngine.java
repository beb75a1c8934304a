package io.brokkr.maven.internal;

import java.io.IOException;
import java.util.List;

/**
 * {@code brokkr:lint}, after compiling: the versioning lint of the annotated sagas, whose descriptors
 * the processor has written by then, against the previous descriptors; and every previous saga that
 * is neither an annotated nor a YAML saga any more is reported gone. ({@code brokkr:validate}
 * compares the YAML sagas, before compiling.)
 */
public final class LintEngine {
  private LintEngine() {}

  /**
   * Logs every incompatible change; the outcome says whether the build must fail.
   *
   * @throws IOException when a saga file or a previous descriptor cannot be read
   */
  public static Outcome run(LintConfig config, BuildLog log) throws IOException {
    if (config.previousDescriptors().isEmpty()) {
      log.info("Brokkr: no previous descriptors, nothing to compare");
      return Outcome.CLEAN;
    }
    List<SagaSource> yaml = SagaSources.read(config.baseDir(), config.sourceDirectory());
    List<SagaSource> annotated = SagaSources.read(config.baseDir(), config.descriptorDirectory());
    PreviousVersions.Findings findings = PreviousVersions.check(config.baseDir(), config.previousDescriptors(),
        annotated, name -> PreviousVersions.describes(yaml, name));
    Outcome outcome = ProblemLog.log(findings.errors(config.failOnIncompatibleChange()),
        findings.warnings(config.failOnIncompatibleChange()), log);
    long sagas = annotated.stream().mapToLong(s -> s.sagas().sagas().size()).sum();
    log.info("Brokkr: " + sagas + " annotated saga(s) under "
        + SagaSources.display(config.baseDir(), config.descriptorDirectory()) + " compared with "
        + config.previousDescriptors().size() + " previous descriptor(s)");
    return outcome;
  }
}
