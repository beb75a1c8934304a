package io.brokkr.maven.internal;

import java.nio.file.Path;
import java.util.List;
import java.util.Objects;

/**
 * What {@code brokkr:lint} compares.
 *
 * @param baseDir the project's directory, against which files are named in problems
 * @param sourceDirectory where the YAML sagas are, at any depth
 * @param descriptorDirectory where the annotation processor wrote the descriptors of annotated sagas
 * @param previousDescriptors YAML files of the previous version of sagas
 * @param failOnIncompatibleChange whether the lint's findings are errors rather than warnings
 */
public record LintConfig(Path baseDir, Path sourceDirectory, Path descriptorDirectory, List<Path> previousDescriptors,
    boolean failOnIncompatibleChange) {

  public LintConfig {
    Objects.requireNonNull(baseDir, "baseDir");
    Objects.requireNonNull(sourceDirectory, "sourceDirectory");
    Objects.requireNonNull(descriptorDirectory, "descriptorDirectory");
    previousDescriptors = List.copyOf(previousDescriptors);
  }
}
