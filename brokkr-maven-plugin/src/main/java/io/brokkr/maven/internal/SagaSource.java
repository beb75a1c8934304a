package io.brokkr.maven.internal;

import io.brokkr.dsl.Problem;
import io.brokkr.dsl.yaml.SagaYaml;
import io.brokkr.dsl.yaml.YamlProblem;
import io.brokkr.dsl.yaml.YamlSagas;
import java.nio.file.Path;

/**
 * One YAML file of sagas, read.
 *
 * @param file the file
 * @param display how problems name the file: relative to the project's directory where it lies within
 * @param text the file's text
 * @param sagas the sagas and problems read from it
 */
public record SagaSource(Path file, String display, String text, YamlSagas sagas) {

  /** A problem of the named saga of this file, placed where the file writes its subject. */
  public YamlProblem locate(String saga, Problem problem) {
    return SagaYaml.locate(display, text, saga, problem);
  }
}
