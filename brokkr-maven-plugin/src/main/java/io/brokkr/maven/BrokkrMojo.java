package io.brokkr.maven;

import io.brokkr.maven.internal.BuildLog;
import io.brokkr.maven.internal.Outcome;
import java.io.File;
import java.io.IOException;
import org.apache.maven.plugin.AbstractMojo;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugins.annotations.Parameter;

/**
 * What every goal shares: where the YAML sagas are, how to skip, and how an engine's outcome
 * becomes a build failure.
 */
abstract class BrokkrMojo extends AbstractMojo {
  /** The project's directory; files are named relative to it in problems. */
  @Parameter(defaultValue = "${project.basedir}", readonly = true, required = true)
  File baseDir;

  /** Where the YAML sagas are: every {@code .yaml} and {@code .yml} file, at any depth. */
  @Parameter(property = "brokkr.sourceDirectory", defaultValue = "${project.basedir}/src/main/brokkr", required = true)
  File sourceDirectory;

  /** Skips the goal when true (also from the command line: {@code -Dbrokkr.skip}); default false. */
  @Parameter(property = "brokkr.skip", defaultValue = "false")
  boolean skip;

  @Override
  public final void execute() throws MojoExecutionException, MojoFailureException {
    if (skip) {
      getLog().info("Brokkr: skipped");
      return;
    }
    Outcome outcome;
    try {
      outcome = run(new BuildLogAdapter(getLog()));
    } catch (IOException e) {
      throw new MojoExecutionException("Brokkr: " + e.getMessage(), e);
    }
    if (outcome.failed()) {
      throw new MojoFailureException("Brokkr found " + outcome.errors() + " problem(s);"
          + " each is listed above as file:line:column: [Brokkr/Id] message");
    }
  }

  /** Runs the goal's engine, which logs every problem it finds. */
  abstract Outcome run(BuildLog log) throws IOException;
}
