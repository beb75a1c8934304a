package io.brokkr.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.brokkr.dsl.diagram.SagaDiagrams;
import io.brokkr.dsl.yaml.SagaYaml;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code brokkr validate} and {@code brokkr diagram} on YAML sagas outside a build. */
class YamlIT {
  static final String HAMMER = """
      saga: Hammer
      inputs: { headType: String, handleSize: String }
      steps:
        head: { worker: HammerHeadFactory, inputs: [headType], compensateWith: HammerHeadDestroyer }
        handle: { worker: HandleFactory, inputs: [handleSize] }
        hammer: { worker: HammerFactory, dependsOn: [head, handle] }
      """;

  @TempDir
  static Path dir;

  @BeforeAll
  static void files() throws Exception {
    Files.createDirectories(dir.resolve("sagas"));
    Files.writeString(dir.resolve("sagas/hammer.yaml"), HAMMER);
    Files.writeString(dir.resolve("sagas/broken.yml"), HAMMER.replace("Hammer\n", "Broken\n")
        .replace("dependsOn: [head, handle]", "dependsOn: [head, handel]"));
  }

  static String path(String name) {
    return dir.resolve(name).toString();
  }

  @Test
  void aValidFileIsValid() {
    Cli.Run run = Cli.run("validate", path("sagas/hammer.yaml"));
    assertEquals(0, run.exitCode(), run.err());
    assertEquals(List.of("1 saga(s) in 1 file(s) are valid"), run.outLines());
  }

  @Test
  void everyProblemIsFileLineColumnAndExitCode1() {
    Cli.Run run = Cli.run("validate", path("sagas"));
    assertEquals(1, run.exitCode());
    assertEquals(List.of(
        path("sagas/broken.yml") + ":6:54: [Brokkr/UnknownDependency] step \"hammer\" depends on unknown step \"handel\";"
            + " did you mean \"handle\"?",
        "1 problem(s) in 2 file(s)"), run.outLines());
  }

  @Test
  void validateJsonListsFilesSagasAndProblems() throws Exception {
    Cli.Run run = Cli.run("validate", "--json", path("sagas/broken.yml"), path("sagas/hammer.yaml"));
    assertEquals(1, run.exitCode());
    JsonNode report = new ObjectMapper().readTree(run.out());
    assertEquals(false, report.get("valid").asBoolean());
    assertEquals("[\"Broken\",\"Hammer\"]", report.get("sagas").toString());
    JsonNode problem = report.get("problems").get(0);
    assertEquals(path("sagas/broken.yml"), problem.get("file").asText());
    assertEquals(6, problem.get("line").asInt());
    assertEquals(54, problem.get("column").asInt());
    assertEquals("Brokkr/UnknownDependency", problem.get("id").asText());
  }

  @Test
  void aMissingFileIsOneLine() {
    Cli.Run run = Cli.run("validate", path("nothing.yaml"));
    assertEquals(1, run.exitCode());
    assertEquals(List.of("brokkr: no such file: " + path("nothing.yaml")), run.errLines());
  }

  @Test
  void drawsTheDslsDiagrams() {
    var template = SagaYaml.read("hammer.yaml", HAMMER).orThrow().get(0);
    Cli.Run mermaid = Cli.run("diagram", path("sagas/hammer.yaml"));
    assertEquals(0, mermaid.exitCode(), mermaid.err());
    assertEquals(SagaDiagrams.mermaid(template), mermaid.out());
    Cli.Run dot = Cli.run("diagram", "--format", "dot", path("sagas/hammer.yaml"));
    assertEquals(SagaDiagrams.dot(template), dot.out());
  }

  @Test
  void anInvalidFileIsNotDrawn() {
    Cli.Run run = Cli.run("diagram", path("sagas/broken.yml"));
    assertEquals(1, run.exitCode());
    assertEquals("", run.out());
    assertEquals(List.of(
        path("sagas/broken.yml") + ":6:54: [Brokkr/UnknownDependency] step \"hammer\" depends on unknown step \"handel\";"
            + " did you mean \"handle\"?",
        "brokkr: 1 problem(s) in " + path("sagas/broken.yml") + "; nothing drawn"), run.errLines());
  }

  @Test
  void anUnknownFormatIsAUsageError() {
    Cli.Run run = Cli.run("diagram", "--format", "svg", path("sagas/hammer.yaml"));
    assertEquals(2, run.exitCode());
    assertTrue(run.err().startsWith("brokkr diagram: Invalid value for option '--format'"), run.err());
  }
}
