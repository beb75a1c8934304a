package io.brokkr.maven.internal;

import java.nio.file.Path;
import java.util.Objects;

/**
 * What {@code brokkr:generate} generates, and where.
 *
 * @param baseDir the project's directory, against which files are named in problems
 * @param sourceDirectory where the YAML sagas are, at any depth
 * @param outputDirectory the source root the launchers go to
 * @param packageName the package of the launchers
 */
public record GenerateConfig(Path baseDir, Path sourceDirectory, Path outputDirectory, String packageName) {

  public GenerateConfig {
    Objects.requireNonNull(baseDir, "baseDir");
    Objects.requireNonNull(sourceDirectory, "sourceDirectory");
    Objects.requireNonNull(outputDirectory, "outputDirectory");
    Objects.requireNonNull(packageName, "packageName");
  }
}
