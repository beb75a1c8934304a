package io.brokkr.maven.internal;

/**
 * What an engine's run found, after it logged each problem.
 *
 * @param errors problems that fail the build
 * @param warnings problems reported without failing it
 */
public record Outcome(int errors, int warnings) {
  /** A run that found nothing wrong. */
  public static final Outcome CLEAN = new Outcome(0, 0);

  /** Whether the build must fail. */
  public boolean failed() {
    return errors > 0;
  }
}
