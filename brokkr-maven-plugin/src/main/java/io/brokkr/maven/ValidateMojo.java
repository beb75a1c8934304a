package io.brokkr.maven;

import io.brokkr.maven.internal.BuildLog;
import io.brokkr.maven.internal.Outcome;
import io.brokkr.maven.internal.ValidateConfig;
import io.brokkr.maven.internal.ValidateEngine;
import java.io.File;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.apache.maven.plugins.annotations.LifecyclePhase;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;

/**
 * Checks every YAML saga and fails the build when one has a problem, listing all problems of all
 * files as {@code file:line:column: [Brokkr/Id] message}. With previous descriptors, also reports
 * changes that would break sagas already running.
 */
@Mojo(name = "validate", defaultPhase = LifecyclePhase.VALIDATE, threadSafe = true)
public class ValidateMojo extends BrokkrMojo {
  /**
   * YAML files holding the previous version of sagas (e.g. the descriptors of the last release);
   * each saga in them is compared with the YAML saga of the same name.
   */
  @Parameter
  List<File> previousDescriptors = new ArrayList<>();

  /** Whether an incompatible change fails the build instead of being a warning. */
  @Parameter(property = "brokkr.failOnIncompatibleChange", defaultValue = "false")
  boolean failOnIncompatibleChange;

  @Override
  Outcome run(BuildLog log) throws IOException {
    return ValidateEngine.run(new ValidateConfig(baseDir.toPath(), sourceDirectory.toPath(),
        previousDescriptors.stream().map(File::toPath).toList(), failOnIncompatibleChange), log);
  }
}
