package io.brokkr.maven;

import io.brokkr.maven.internal.BuildLog;
import io.brokkr.maven.internal.Outcome;
import io.brokkr.maven.internal.ValidateConfig;
import io.brokkr.maven.internal.ValidateEngine;
import java.io.IOException;
import org.apache.maven.plugins.annotations.LifecyclePhase;
import org.apache.maven.plugins.annotations.Mojo;

/**
 * Checks every YAML saga and fails the build when one has a problem, listing all problems of all
 * files as {@code file:line:column: [Brokkr/Id] message}. With previous descriptors, also reports
 * changes to YAML sagas that would break sagas already running ({@code brokkr:lint} does so for
 * annotated sagas, and for sagas that are gone).
 */
@Mojo(name = "validate", defaultPhase = LifecyclePhase.VALIDATE, threadSafe = true)
public class ValidateMojo extends VersionedMojo {
  @Override
  Outcome run(BuildLog log) throws IOException {
    return ValidateEngine.run(new ValidateConfig(baseDir.toPath(), sourceDirectory.toPath(),
        previousDescriptorPaths(), failOnIncompatibleChange), log);
  }
}
