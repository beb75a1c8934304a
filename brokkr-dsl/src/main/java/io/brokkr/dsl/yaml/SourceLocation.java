package io.brokkr.dsl.yaml;

import java.util.Objects;

/**
 * A place in a source file.
 *
 * @param file the file's name as given to the reader
 * @param line the line, from 1
 * @param column the column, from 1
 */
public record SourceLocation(String file, int line, int column) {

  /**
   * Checks that the file is not null.
   *
   * @param file the file's name as given to the reader
   * @param line the line, from 1
   * @param column the column, from 1
   */
  public SourceLocation {
    Objects.requireNonNull(file, "file");
  }

  /** {@code file:line:column}. */
  @Override
  public String toString() {
    return file + ":" + line + ":" + column;
  }
}
