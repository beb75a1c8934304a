package io.brokkr.maven.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ValidateEngineTest {
  @TempDir Path project;
  private final RecordingLog log = new RecordingLog();

  private Outcome validate(List<Path> previous, boolean failOnIncompatibleChange) throws IOException {
    return ValidateEngine.run(new ValidateConfig(project, project.resolve("src/main/brokkr"), previous,
        failOnIncompatibleChange), log);
  }

  @Test
  void validSagasPass() throws IOException {
    Projects.write(project, "src/main/brokkr/hammer.yaml", Projects.HAMMER);
    assertEquals(Outcome.CLEAN, validate(List.of(), false));
    assertEquals(List.of("[INFO] Brokkr: 1 saga(s) in 1 file(s) under src/main/brokkr are valid"), log.lines);
  }

  @Test
  void everyProblemOfEveryFileIsReportedInOneRun() throws IOException {
    Projects.write(project, "src/main/brokkr/a.yaml", "saga: A\nsteps:\n  x: { dependsOn: [y] }\n  y: { dependsOn: [x] }\n");
    Projects.write(project, "src/main/brokkr/b.yaml", "saga: B\nsteps:\n  x: { dependsOn: [z], workr: W }\n");
    Outcome outcome = validate(List.of(), false);
    assertEquals(new Outcome(3, 0), outcome);
    assertEquals(List.of(
        "[ERROR] src/main/brokkr/a.yaml:3:3: [Brokkr/Cycle] dependency cycle: x -> y -> x (each step depends on"
            + " the next); remove one of these dependencies",
        "[ERROR] src/main/brokkr/b.yaml:3:20: [Brokkr/UnknownDependency] step \"x\" depends on unknown step \"z\";"
            + " did you mean \"x\"?",
        "[ERROR] src/main/brokkr/b.yaml:3:24: [Brokkr/YamlStructure] unknown key \"workr\" in step \"x\"; did you"
            + " mean \"worker\"? known keys: worker, dependsOn, inputs, output, compensateWith, retry, timeout, async"),
        log.lines);
  }

  @Test
  void incompatibleChangesAreWarningsByDefault() throws IOException {
    Path previous = Projects.write(project, "release/hammer.yaml", Projects.HAMMER + "---\nsaga: Gone\nsteps: { s: {} }\n");
    Projects.write(project, "src/main/brokkr/hammer.yaml", """
        saga: Hammer
        steps:
          head:   { worker: HammerHeadFactory }
          hammer: { worker: HammerFactory, dependsOn: [head] }
        """);
    // "Gone" may be an annotated saga now, which only brokkr:lint sees: validate does not judge it.
    assertEquals(new Outcome(0, 2), validate(List.of(previous), false));
    assertEquals(List.of(
        "[WARNING] src/main/brokkr/hammer.yaml:1:7: [Brokkr/RemovedStep] step \"handle\" of saga \"Hammer\" was"
            + " removed; sagas started from the previous version still run or compensate it: keep the step until"
            + " they have finished, or give the saga a new name",
        "[WARNING] src/main/brokkr/hammer.yaml:4:48: [Brokkr/ChangedDependency] step \"hammer\" of saga \"Hammer\""
            + " now depends on [head] instead of [head, handle]; sagas already running keep the old graph and pass"
            + " results in the old order: keep the dependencies until they have finished, or give the saga a new"
            + " name",
        "[INFO] Brokkr: 1 saga(s) in 1 file(s) under src/main/brokkr are valid"), log.lines);
  }

  @Test
  void incompatibleChangesAreErrorsWhenConfigured() throws IOException {
    Path previous = Projects.write(project, "release/hammer.yaml", Projects.HAMMER);
    Projects.write(project, "src/main/brokkr/hammer.yaml", Projects.HAMMER.replace("head", "top"));
    assertEquals(new Outcome(1, 0), validate(List.of(previous), true));
    assertEquals(List.of("[ERROR] src/main/brokkr/hammer.yaml:4:3: [Brokkr/RenamedStep] step \"head\" of saga"
        + " \"Hammer\" seems renamed to \"top\" (same worker \"HammerHeadFactory\"); sagas started from the previous"
        + " version still know it as \"head\": keep the old name until they have finished, or give the saga a new"
        + " name"), log.lines);
  }

  @Test
  void aMissingPreviousDescriptorIsAConfigurationError() {
    Path missing = project.resolve("release/none.yaml");
    IOException e = assertThrows(IOException.class, () -> validate(List.of(missing), false));
    assertEquals("previous descriptor " + missing + " does not exist; fix or remove it in <previousDescriptors>",
        e.getMessage());
  }
}
