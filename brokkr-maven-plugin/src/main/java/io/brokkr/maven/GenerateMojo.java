package io.brokkr.maven;

import io.brokkr.maven.internal.BuildLog;
import io.brokkr.maven.internal.GenerateConfig;
import io.brokkr.maven.internal.GenerateEngine;
import io.brokkr.maven.internal.Outcome;
import java.io.File;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import org.apache.maven.artifact.DependencyResolutionRequiredException;
import org.apache.maven.plugins.annotations.LifecyclePhase;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;
import org.apache.maven.plugins.annotations.ResolutionScope;
import org.apache.maven.project.MavenProject;

/**
 * Generates the typed launcher of every YAML saga ({@code Hammer} gives {@code HammerLauncher}),
 * with the annotation processor's emitter, and adds their directory to the compile source roots.
 * Every class the sagas' input and output types name must be in the JDK, on the compile classpath or
 * in the compile source roots; one that is not is an error at the type in the YAML.
 */
@Mojo(name = "generate", defaultPhase = LifecyclePhase.GENERATE_SOURCES, threadSafe = true,
    requiresDependencyResolution = ResolutionScope.COMPILE)
public class GenerateMojo extends BrokkrMojo {
  /** The source root of the launchers, added to the project's compile source roots. */
  @Parameter(property = "brokkr.generatedSourcesDirectory",
      defaultValue = "${project.build.directory}/generated-sources/brokkr", required = true)
  File generatedSourcesDirectory;

  /** The Java package of the generated launchers, e.g. {@code com.acme.sagas}; default the project's groupId. */
  @Parameter(property = "brokkr.packageName", defaultValue = "${project.groupId}", required = true)
  String packageName;

  /**
   * Whether to check that the classes the sagas' types name exist. Turn it off for a class that
   * only exists once the project compiles (made by an annotation processor): javac then reports a
   * missing class in the launcher.
   */
  @Parameter(property = "brokkr.checkTypes", defaultValue = "true")
  boolean checkTypes;

  /** The project being built, which gets the launchers' source root; set by Maven, not configurable. */
  @Parameter(defaultValue = "${project}", readonly = true, required = true)
  MavenProject project;

  @Override
  Outcome run(BuildLog log) throws IOException {
    project.addCompileSourceRoot(generatedSourcesDirectory.getPath());
    GenerateConfig.TypeLookup types = checkTypes
        ? new GenerateConfig.TypeLookup(true, paths(classpath()), paths(project.getCompileSourceRoots()))
        : GenerateConfig.TypeLookup.OFF;
    return GenerateEngine.run(new GenerateConfig(baseDir.toPath(), sourceDirectory.toPath(),
        generatedSourcesDirectory.toPath(), packageName, types), log);
  }

  private List<String> classpath() {
    try {
      return project.getCompileClasspathElements();
    } catch (DependencyResolutionRequiredException e) {
      throw new IllegalStateException("the goal requires the compile dependencies, yet they are not resolved", e);
    }
  }

  private static List<Path> paths(List<String> files) {
    return files.stream().map(Path::of).toList();
  }
}
