package io.brokkr.maven.internal;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** Writes files of a throwaway project. */
final class Projects {
  static final String HAMMER = """
      saga: Hammer
      inputs: { headType: String, handleSize: String }
      steps:
        head:   { worker: HammerHeadFactory, inputs: [headType], compensateWith: HammerHeadDestroyer }
        handle: { worker: HandleFactory, inputs: [handleSize] }
        hammer: { worker: HammerFactory, dependsOn: [head, handle] }
      """;

  private Projects() {}

  static Path write(Path project, String relative, String text) throws IOException {
    Path file = project.resolve(relative);
    Files.createDirectories(file.getParent());
    return Files.writeString(file, text);
  }
}
