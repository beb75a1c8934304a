package io.brokkr.maven.internal;

import java.nio.file.Path;
import java.util.Objects;

/**
 * What {@code brokkr:diagram} draws, and where.
 *
 * @param baseDir the project's directory, against which files are named in the log
 * @param sourceDirectory where the YAML sagas are, at any depth
 * @param descriptorDirectory where the annotation processor wrote the descriptors of annotated
 *     sagas ({@code <SagaName>.yaml}, in the YAML format)
 * @param outputDirectory where the diagrams and their {@code index.md} go
 */
public record DiagramConfig(Path baseDir, Path sourceDirectory, Path descriptorDirectory, Path outputDirectory) {

  public DiagramConfig {
    Objects.requireNonNull(baseDir, "baseDir");
    Objects.requireNonNull(sourceDirectory, "sourceDirectory");
    Objects.requireNonNull(descriptorDirectory, "descriptorDirectory");
    Objects.requireNonNull(outputDirectory, "outputDirectory");
  }
}
