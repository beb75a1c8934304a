package io.brokkr.maven.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.brokkr.dsl.diagram.SagaDiagrams;
import io.brokkr.dsl.yaml.SagaYaml;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DiagramEngineTest {
  @TempDir Path project;
  private final RecordingLog log = new RecordingLog();

  private Outcome draw() throws IOException {
    return DiagramEngine.run(new DiagramConfig(project, project.resolve("src/main/brokkr"),
        project.resolve("target/classes/META-INF/brokkr"), project.resolve("target/brokkr/diagrams")), log);
  }

  private List<String> diagrams() throws IOException {
    try (Stream<Path> files = Files.list(project.resolve("target/brokkr/diagrams"))) {
      return files.map(p -> p.getFileName().toString()).sorted().toList();
    }
  }

  @Test
  void drawsYamlAndAnnotatedSagasWithAnIndex() throws IOException {
    Projects.write(project, "src/main/brokkr/hammer.yaml", Projects.HAMMER);
    Projects.write(project, "target/classes/META-INF/brokkr/Anvil.yaml", "saga: Anvil\nsteps: { cast: {} }\n");
    assertEquals(Outcome.CLEAN, draw());
    assertEquals(List.of("Anvil.dot", "Anvil.mmd", "Hammer.dot", "Hammer.mmd", "index.md"), diagrams());
    Path diagrams = project.resolve("target/brokkr/diagrams");
    var hammer = SagaYaml.read("h", Projects.HAMMER).orThrow().get(0);
    assertEquals(SagaDiagrams.mermaid(hammer), Files.readString(diagrams.resolve("Hammer.mmd")));
    assertEquals(SagaDiagrams.dot(hammer), Files.readString(diagrams.resolve("Hammer.dot")));
    assertTrue(Files.readString(diagrams.resolve("index.md")).contains("## Anvil"));
    assertEquals(List.of("[INFO] Brokkr: 2 saga(s) drawn into target/brokkr/diagrams: 5 file(s) written,"
        + " 0 unchanged"), log.lines);
  }

  @Test
  void aSecondRunWithNoChangeRewritesNothing() throws IOException {
    Projects.write(project, "src/main/brokkr/hammer.yaml", Projects.HAMMER);
    draw();
    FileTime old = FileTime.fromMillis(1_000_000L);
    for (String name : diagrams()) {
      Files.setLastModifiedTime(project.resolve("target/brokkr/diagrams").resolve(name), old);
    }
    draw();
    for (String name : diagrams()) {
      assertEquals(old, Files.getLastModifiedTime(project.resolve("target/brokkr/diagrams").resolve(name)), name);
    }
    assertEquals("[INFO] Brokkr: 1 saga(s) drawn into target/brokkr/diagrams: 0 file(s) written, 3 unchanged",
        log.lines.get(1));
  }

  @Test
  void invalidSagasAreSkippedWithAWarning() throws IOException {
    Projects.write(project, "src/main/brokkr/loop.yaml", "saga: Loop\nsteps:\n  a: { dependsOn: [a] }\n");
    Projects.write(project, "src/main/brokkr/broken.yaml", "saga: [\n");
    assertEquals(new Outcome(0, 2), draw());
    assertEquals(List.of("index.md"), diagrams());
    assertEquals(List.of(
        "[WARNING] src/main/brokkr/broken.yaml: unreadable, nothing drawn; brokkr:validate lists its problems",
        "[WARNING] src/main/brokkr/loop.yaml: saga \"Loop\" is invalid and not drawn; brokkr:validate lists its"
            + " problems",
        "[INFO] Brokkr: 0 saga(s) drawn into target/brokkr/diagrams: 1 file(s) written, 0 unchanged"), log.lines);
  }

  @Test
  void aYamlSagaNamedLikeAnAnnotatedOneIsAnError() throws IOException {
    Projects.write(project, "src/main/brokkr/hammer.yaml", Projects.HAMMER);
    Projects.write(project, "target/classes/META-INF/brokkr/Hammer.yaml", Projects.HAMMER);
    assertEquals(new Outcome(1, 0), draw());
    assertEquals(List.of("[ERROR] target/classes/META-INF/brokkr/Hammer.yaml:1:7: [Brokkr/DuplicateSaga] saga"
        + " \"Hammer\" is also described in src/main/brokkr/hammer.yaml; give each saga its own name"), log.lines);
  }
}
