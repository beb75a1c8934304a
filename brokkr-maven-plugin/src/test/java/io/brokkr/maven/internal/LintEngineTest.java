package io.brokkr.maven.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LintEngineTest {
  private static final String DESCRIPTORS = "target/classes/META-INF/brokkr";
  /** A descriptor as the processor writes it. */
  private static final String ANVIL = """
      # Saga class: com.acme.AnvilSaga
      # Launcher: com.acme.AnvilSagaLauncher
      saga: Anvil
      steps:
        cast: { worker: Anvil.cast }
        temper: { worker: Anvil.temper, dependsOn: [cast] }
      """;

  @TempDir Path project;
  private final RecordingLog log = new RecordingLog();

  private Outcome lint(List<Path> previous, boolean failOnIncompatibleChange) throws IOException {
    return LintEngine.run(new LintConfig(project, project.resolve("src/main/brokkr"), project.resolve(DESCRIPTORS),
        previous, failOnIncompatibleChange), log);
  }

  @Test
  void annotatedSagasAreComparedAndOnlySagasFoundNowhereAreGone() throws IOException {
    Path previous = Projects.write(project, "release/sagas.yaml", """
        saga: Anvil
        steps:
          cast: { worker: Anvil.cast }
          temper: { worker: Anvil.temper, dependsOn: [cast] }
          polish: { worker: Anvil.polish, dependsOn: [temper] }
        ---
        saga: Hammer
        steps: { head: { worker: Head } }
        ---
        saga: Gone
        steps: { s: {} }
        """);
    Projects.write(project, DESCRIPTORS + "/com.acme.AnvilSaga.yaml", ANVIL);
    // A YAML saga: validate compares it, so the lint neither compares it again nor calls it gone.
    Projects.write(project, "src/main/brokkr/hammer.yaml", "saga: Hammer\nsteps: { top: { worker: Head } }\n");
    assertEquals(new Outcome(0, 2), lint(List.of(previous), false));
    assertEquals(List.of(
        "[WARNING] release/sagas.yaml:10:7: [Brokkr/RemovedSaga] saga \"Gone\" of the previous version is gone;"
            + " sagas started from it can no longer run: keep it until they have finished",
        "[WARNING] target/classes/META-INF/brokkr/com.acme.AnvilSaga.yaml:3:7: [Brokkr/RemovedStep] step \"polish\""
            + " of saga \"Anvil\" was removed; sagas started from the previous version still run or compensate it:"
            + " keep the step until they have finished, or give the saga a new name",
        "[INFO] Brokkr: 1 annotated saga(s) under target/classes/META-INF/brokkr compared with 1 previous"
            + " descriptor(s)"), log.lines);
  }

  @Test
  void incompatibleChangesAreErrorsWhenConfigured() throws IOException {
    Path previous = Projects.write(project, "release/anvil.yaml", ANVIL.replace("[cast]", "[]"));
    Projects.write(project, DESCRIPTORS + "/com.acme.AnvilSaga.yaml", ANVIL);
    assertEquals(new Outcome(1, 0), lint(List.of(previous), true));
    assertEquals("[ERROR] target/classes/META-INF/brokkr/com.acme.AnvilSaga.yaml:6:47: [Brokkr/ChangedDependency]"
        + " step \"temper\" of saga \"Anvil\" now depends on [cast] instead of []; sagas already running keep the old"
        + " graph and pass results in the old order: keep the dependencies until they have finished, or give the"
        + " saga a new name", log.lines.get(0));
  }

  @Test
  void withoutPreviousDescriptorsThereIsNothingToCompare() throws IOException {
    assertEquals(Outcome.CLEAN, lint(List.of(), true));
    assertEquals(List.of("[INFO] Brokkr: no previous descriptors, nothing to compare"), log.lines);
  }
}
