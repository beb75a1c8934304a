package io.brokkr.maven.internal;

/** Where an engine reports, one line at a time: Maven's log in a build, a list in a test. */
public interface BuildLog {
  /** A problem that fails the build. */
  void error(String line);

  /** A problem that does not fail the build. */
  void warn(String line);

  /** What the goal did. */
  void info(String line);
}
