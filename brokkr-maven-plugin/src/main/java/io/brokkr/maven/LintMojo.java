package io.brokkr.maven;

import io.brokkr.maven.internal.BuildLog;
import io.brokkr.maven.internal.LintConfig;
import io.brokkr.maven.internal.LintEngine;
import io.brokkr.maven.internal.Outcome;
import java.io.File;
import java.io.IOException;
import org.apache.maven.plugins.annotations.LifecyclePhase;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;

/**
 * After compiling, compares the annotated sagas (through the descriptors the processor wrote) with
 * the previous descriptors, and reports every previous saga that is neither an annotated nor a YAML
 * saga any more. {@code brokkr:validate} compares the YAML sagas.
 */
@Mojo(name = "lint", defaultPhase = LifecyclePhase.PROCESS_CLASSES, threadSafe = true)
public class LintMojo extends VersionedMojo {
  /** Where the annotation processor writes a descriptor of each annotated saga. */
  @Parameter(property = "brokkr.descriptorDirectory",
      defaultValue = "${project.build.outputDirectory}/META-INF/brokkr", required = true)
  File descriptorDirectory;

  @Override
  Outcome run(BuildLog log) throws IOException {
    return LintEngine.run(new LintConfig(baseDir.toPath(), sourceDirectory.toPath(), descriptorDirectory.toPath(),
        previousDescriptorPaths(), failOnIncompatibleChange), log);
  }
}
