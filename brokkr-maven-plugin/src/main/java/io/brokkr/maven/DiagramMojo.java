package io.brokkr.maven;

import io.brokkr.maven.internal.BuildLog;
import io.brokkr.maven.internal.DiagramConfig;
import io.brokkr.maven.internal.DiagramEngine;
import io.brokkr.maven.internal.Outcome;
import java.io.File;
import java.io.IOException;
import org.apache.maven.plugins.annotations.LifecyclePhase;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;

/**
 * Draws every saga, from YAML and from the descriptors of annotated sagas: a Mermaid
 * ({@code .mmd}) and a Graphviz ({@code .dot}) file each, and an {@code index.md} embedding them.
 */
@Mojo(name = "diagram", defaultPhase = LifecyclePhase.PROCESS_CLASSES, threadSafe = true)
public class DiagramMojo extends BrokkrMojo {
  /** Where the annotation processor writes a descriptor of each annotated saga. */
  @Parameter(property = "brokkr.descriptorDirectory",
      defaultValue = "${project.build.outputDirectory}/META-INF/brokkr", required = true)
  File descriptorDirectory;

  /** Where the diagrams go: a {@code .mmd} and a {@code .dot} file per valid saga, and {@code index.md}. */
  @Parameter(property = "brokkr.diagramDirectory",
      defaultValue = "${project.build.directory}/brokkr/diagrams", required = true)
  File diagramDirectory;

  @Override
  Outcome run(BuildLog log) throws IOException {
    return DiagramEngine.run(new DiagramConfig(baseDir.toPath(), sourceDirectory.toPath(),
        descriptorDirectory.toPath(), diagramDirectory.toPath()), log);
  }
}
