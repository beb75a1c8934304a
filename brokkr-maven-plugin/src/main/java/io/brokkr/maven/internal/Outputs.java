package io.brokkr.maven.internal;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;

/** Writes generated files only when their content changes, so unchanged inputs cause no churn. */
public final class Outputs {
  private Outputs() {}

  /**
   * Writes {@code content} as UTF-8 unless the file already holds exactly that.
   *
   * @return whether the file was written
   * @throws IOException when the file cannot be read or written
   */
  public static boolean writeIfChanged(Path file, String content) throws IOException {
    byte[] bytes = content.getBytes(StandardCharsets.UTF_8);
    if (Files.isRegularFile(file) && Arrays.equals(Files.readAllBytes(file), bytes)) {
      return false;
    }
    Path parent = file.toAbsolutePath().getParent();
    if (parent != null) {
      Files.createDirectories(parent);
    }
    Files.write(file, bytes);
    return true;
  }
}
