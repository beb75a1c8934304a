package io.brokkr.maven;

import io.brokkr.maven.internal.BuildLog;
import io.brokkr.maven.internal.GenerateConfig;
import io.brokkr.maven.internal.GenerateEngine;
import io.brokkr.maven.internal.Outcome;
import java.io.File;
import java.io.IOException;
import org.apache.maven.plugins.annotations.LifecyclePhase;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;
import org.apache.maven.project.MavenProject;

/**
 * Generates the typed launcher of every YAML saga ({@code Hammer} gives {@code HammerLauncher}),
 * with the annotation processor's emitter, and adds their directory to the compile source roots.
 */
@Mojo(name = "generate", defaultPhase = LifecyclePhase.GENERATE_SOURCES, threadSafe = true)
public class GenerateMojo extends BrokkrMojo {
  /** The source root of the launchers, added to the project's compile source roots. */
  @Parameter(property = "brokkr.generatedSourcesDirectory",
      defaultValue = "${project.build.directory}/generated-sources/brokkr", required = true)
  File generatedSourcesDirectory;

  /** The Java package of the generated launchers, e.g. {@code com.acme.sagas}; default the project's groupId. */
  @Parameter(property = "brokkr.packageName", defaultValue = "${project.groupId}", required = true)
  String packageName;

  /** The project being built, which gets the launchers' source root; set by Maven, not configurable. */
  @Parameter(defaultValue = "${project}", readonly = true, required = true)
  MavenProject project;

  @Override
  Outcome run(BuildLog log) throws IOException {
    project.addCompileSourceRoot(generatedSourcesDirectory.getPath());
    return GenerateEngine.run(new GenerateConfig(
        baseDir.toPath(), sourceDirectory.toPath(), generatedSourcesDirectory.toPath(), packageName), log);
  }
}
