package io.brokkr.maven;

import io.brokkr.maven.internal.BuildLog;
import org.apache.maven.plugin.logging.Log;

/** The engines' log, written to Maven's. */
final class BuildLogAdapter implements BuildLog {
  private final Log log;

  BuildLogAdapter(Log log) {
    this.log = log;
  }

  @Override
  public void error(String line) {
    log.error(line);
  }

  @Override
  public void warn(String line) {
    log.warn(line);
  }

  @Override
  public void info(String line) {
    log.info(line);
  }
}
