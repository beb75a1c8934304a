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

/**
 * The versioning lint over files: each saga of a previous descriptor is compared with the current
 * YAML saga of the same name, and each finding is placed in the file that shows it (the current
 * file, or the descriptor for a saga that is gone).
 */
final class PreviousVersions {
  private PreviousVersions() {}

  /**
   * The lint's findings, and the problems of the descriptor itself.
   *
   * @throws IOException when the descriptor is missing or unreadable
   */
  static Findings check(Path baseDir, Path descriptor, List<SagaSource> current) throws IOException {
    if (!Files.isRegularFile(descriptor)) {
      throw new IOException("previous descriptor " + descriptor + " does not exist;"
          + " fix or remove it in <previousDescriptors>");
    }
    SagaSource previous = SagaSources.readFile(baseDir, descriptor);
    List<YamlProblem> incompatible = new ArrayList<>();
    for (SagaTemplate before : previous.sagas().sagas()) {
      Optional<SagaSource> now = current.stream()
          .filter(source -> find(source, before.name()).isPresent()).findFirst();
      if (now.isEmpty()) {
        incompatible.add(previous.locate(before.name(), Messages.removedSaga(before.name())));
        continue;
      }
      SagaTemplate after = find(now.get(), before.name()).orElseThrow();
      VersioningLint.compare(before, after).forEach(p -> incompatible.add(now.get().locate(after.name(), p)));
    }
    return new Findings(previous.sagas().problems(), incompatible);
  }

  /**
   * @param unreadable problems of the descriptor itself
   * @param incompatible changes that running sagas cannot survive
   */
  record Findings(List<YamlProblem> unreadable, List<YamlProblem> incompatible) {}

  private static Optional<SagaTemplate> find(SagaSource source, String name) {
    return source.sagas().sagas().stream().filter(s -> s.name().equals(name)).findFirst();
  }
}
