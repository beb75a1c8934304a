package io.brokkr.samples.hammeryaml;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** The README shows the diagram that brokkr:diagram draws for this sample, as it draws it today. */
class ReadmeDiagramTest {
  @Test
  void theReadmeEmbedsTheCurrentDiagramOfTheHammer() throws IOException {
    String drawn = Files.readString(Path.of("target/brokkr/diagrams/Hammer.mmd"));
    String readme = Files.readString(Path.of("../../README.md"));
    assertTrue(readme.contains("```mermaid\n" + drawn + "```\n"),
        "README.md's hammer diagram differs from target/brokkr/diagrams/Hammer.mmd; copy the file into it");
  }
}
