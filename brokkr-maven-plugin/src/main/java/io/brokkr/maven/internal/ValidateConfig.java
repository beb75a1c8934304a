package io.brokkr.maven.internal;

import java.nio.file.Path;
import java.util.List;
import java.util.Objects;

/**
 * What {@code brokkr:validate} checks.
 *
 * @param baseDir the project's directory, against which files are named in problems
 * @param sourceDirectory where the YAML sagas are, at any depth
 * @param previousDescriptors YAML files of the previous version of sagas, for the versioning lint
 * @param failOnIncompatibleChange whether the lint's findings are errors rather than warnings
 */
public record ValidateConfig(
    Path baseDir, Path sourceDirectory, List<Path> previousDescriptors, boolean failOnIncompatibleChange) {

  public ValidateConfig {
    Objects.requireNonNull(baseDir, "baseDir");
    Objects.requireNonNull(sourceDirectory, "sourceDirectory");
    previousDescriptors = List.copyOf(previousDescriptors);
  }
}
