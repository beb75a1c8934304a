package io.brokkr.maven.internal;

import io.brokkr.dsl.Messages;
import io.brokkr.dsl.SagaTemplate;
import io.brokkr.dsl.lint.VersioningLint;
import io.brokkr.dsl.yaml.YamlProblem;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Predicate;

/**
 * The versioning lint over files: each saga of a previous descriptor is compared with the current
 * saga of the same name, and each finding is placed in the file that shows it (the current file, or
 * the descriptor for a saga that is gone). YAML sagas are compared by {@code validate}, before
 * compiling; annotated sagas only after, once the processor wrote their descriptors, which is also
 * when a saga can be judged gone.
 */
final class PreviousVersions {
  private PreviousVersions() {}

  /**
   * The lint's findings over every previous descriptor.
   *
   * @param compared the current sagas to compare with
   * @param elsewhere whether a saga that {@code compared} lacks exists all the same (or may): only
   *     a saga for which it is false is reported gone
   * @throws IOException when a descriptor is missing or unreadable
   */
  static Findings check(Path baseDir, List<Path> descriptors, List<SagaSource> compared, Predicate<String> elsewhere)
      throws IOException {
    List<YamlProblem> unreadable = new ArrayList<>();
    List<YamlProblem> incompatible = new ArrayList<>();
    for (Path descriptor : descriptors) {
      SagaSource previous = read(baseDir, descriptor);
      unreadable.addAll(previous.sagas().problems());
      for (SagaTemplate before : previous.sagas().sagas()) {
        Optional<SagaSource> now = compared.stream().filter(source -> find(source, before.name()).isPresent())
            .findFirst();
        if (now.isPresent()) {
          SagaTemplate after = find(now.get(), before.name()).orElseThrow();
          VersioningLint.compare(before, after).forEach(p -> incompatible.add(now.get().locate(after.name(), p)));
        } else if (!elsewhere.test(before.name())) {
          incompatible.add(previous.locate(before.name(), Messages.removedSaga(before.name())));
        }
      }
    }
    return new Findings(unreadable, incompatible);
  }

  /** Whether one of {@code sources} describes the saga {@code name}. */
  static boolean describes(List<SagaSource> sources, String name) {
    return sources.stream().anyMatch(source -> find(source, name).isPresent());
  }

  /**
   * @param unreadable problems of the descriptors themselves
   * @param incompatible changes that running sagas cannot survive
   */
  record Findings(List<YamlProblem> unreadable, List<YamlProblem> incompatible) {
    /** The findings that fail the build. */
    List<YamlProblem> errors(boolean failOnIncompatibleChange) {
      List<YamlProblem> errors = new ArrayList<>(unreadable);
      if (failOnIncompatibleChange) {
        errors.addAll(incompatible);
      }
      return errors;
    }

    /** The findings that are only warnings. */
    List<YamlProblem> warnings(boolean failOnIncompatibleChange) {
      return failOnIncompatibleChange ? List.of() : incompatible;
    }
  }

  private static SagaSource read(Path baseDir, Path descriptor) throws IOException {
    if (!Files.isRegularFile(descriptor)) {
      throw new IOException("previous descriptor " + descriptor + " does not exist;"
          + " fix or remove it in <previousDescriptors>");
    }
    return SagaSources.readFile(baseDir, descriptor);
  }

  private static Optional<SagaTemplate> find(SagaSource source, String name) {
    return source.sagas().sagas().stream().filter(s -> s.name().equals(name)).findFirst();
  }
}
