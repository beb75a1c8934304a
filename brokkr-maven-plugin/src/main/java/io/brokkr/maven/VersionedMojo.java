package io.brokkr.maven;

import java.io.File;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.apache.maven.plugins.annotations.Parameter;

/** What the goals that run the versioning lint share: the previous version, and how strict to be. */
abstract class VersionedMojo extends BrokkrMojo {
  /**
   * YAML files holding the previous version of sagas (e.g. the descriptors of the last release);
   * each saga in them is compared with the current saga of the same name. Empty (the default): no
   * comparison.
   */
  @Parameter
  List<File> previousDescriptors = new ArrayList<>();

  /** Whether an incompatible change fails the build instead of being a warning; default false. */
  @Parameter(property = "brokkr.failOnIncompatibleChange", defaultValue = "false")
  boolean failOnIncompatibleChange;

  List<Path> previousDescriptorPaths() {
    return previousDescriptors.stream().map(File::toPath).toList();
  }
}
