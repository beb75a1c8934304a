package io.brokkr.maven.internal;

import io.brokkr.dsl.Messages;
import io.brokkr.dsl.Problem;
import io.brokkr.dsl.SagaTemplate;
import io.brokkr.dsl.lint.VersioningLint;
import io.brokkr.dsl.yaml.YamlProblem;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;

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
      lint(config.baseDir(), descriptor, sources, errors, incompatible);
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

  /** Compares each saga of one previous descriptor with the current saga of the same name. */
  private static void lint(Path baseDir, Path descriptor, List<SagaSource> sources,
      List<YamlProblem> errors, List<YamlProblem> incompatible) throws IOException {
    if (!Files.isRegularFile(descriptor)) {
      throw new IOException("previous descriptor " + descriptor + " does not exist;"
          + " fix or remove it in <previousDescriptors>");
    }
    SagaSource previous = SagaSources.readFile(baseDir, descriptor);
    errors.addAll(previous.sagas().problems());
    for (SagaTemplate before : previous.sagas().sagas()) {
      current(sources, before.name()).ifPresentOrElse(
          now -> report(now, VersioningLint.compare(before, now.saga()), incompatible::add),
          () -> incompatible.add(previous.locate(before.name(), Messages.removedSaga(before.name()))));
    }
  }

  private static void report(Current now, List<Problem> problems, Consumer<YamlProblem> out) {
    problems.forEach(p -> out.accept(now.source().locate(now.saga().name(), p)));
  }

  private record Current(SagaSource source, SagaTemplate saga) {}

  private static Optional<Current> current(List<SagaSource> sources, String name) {
    for (SagaSource source : sources) {
      for (SagaTemplate saga : source.sagas().sagas()) {
        if (saga.name().equals(name)) {
          return Optional.of(new Current(source, saga));
        }
      }
    }
    return Optional.empty();
  }
}
