package io.brokkr.maven.internal;

/** Where an engine reports, one line at a time: Maven's log in a build, a list in a test. */
public interface BuildLog {
  void error(String line);

  void warn(String line);

  void info(String line);
}
