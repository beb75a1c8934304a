package io.brokkr.maven.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.brokkr.maven.GenerateMojo;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class GenerateEngineTest {
  @TempDir Path project;
  private final RecordingLog log = new RecordingLog();

  private Outcome generate(String packageName) throws IOException {
    return generate(packageName, new GenerateConfig.TypeLookup(true, List.of(project.resolve("target/classes")),
        List.of(project.resolve("src/main/java"))));
  }

  private Outcome generate(String packageName, GenerateConfig.TypeLookup types) throws IOException {
    return GenerateEngine.run(new GenerateConfig(project, project.resolve("src/main/brokkr"),
        project.resolve("target/generated-sources/brokkr"), packageName, types), log);
  }

  private Path launcher(String name) {
    return project.resolve("target/generated-sources/brokkr/com/acme/forge/" + name + ".java");
  }

  @Test
  void writesALauncherPerSagaOnlyWhenItChanges() throws IOException {
    Projects.write(project, "src/main/brokkr/hammer.yaml", Projects.HAMMER);
    Projects.write(project, "src/main/brokkr/order.yaml", "saga: order-v2\nsteps: { pay: {} }\n");
    assertEquals(Outcome.CLEAN, generate("com.acme.forge"));
    String source = Files.readString(launcher("HammerLauncher"));
    assertTrue(source.startsWith("package com.acme.forge;\n"), source);
    assertTrue(source.contains("\n@Generated(\"io.brokkr.maven.GenerateMojo\")\n"), source);
    assertTrue(source.contains("public static SagaHandle<Void> start(Brokkr brokkr, String headType, String handleSize)"),
        source);
    assertTrue(Files.isRegularFile(launcher("OrderV2Launcher")));
    FileTime old = FileTime.fromMillis(1_000_000L);
    Files.setLastModifiedTime(launcher("HammerLauncher"), old);
    assertEquals(Outcome.CLEAN, generate("com.acme.forge"));
    assertEquals(old, Files.getLastModifiedTime(launcher("HammerLauncher")));
    assertEquals(List.of(
        "[INFO] Brokkr: 2 launcher(s) in target/generated-sources/brokkr: 2 written, 0 unchanged",
        "[INFO] Brokkr: 2 launcher(s) in target/generated-sources/brokkr: 0 written, 2 unchanged"), log.lines);
  }

  @Test
  void theLaunchersNameTheGoalThatGeneratedThem() {
    assertEquals(GenerateMojo.class.getName(), GenerateEngine.GENERATOR);
  }

  @Test
  void anInvalidSagaGetsNoLauncherAndTheValidOnesStillDo() throws IOException {
    Projects.write(project, "src/main/brokkr/hammer.yaml", Projects.HAMMER);
    Projects.write(project, "src/main/brokkr/loop.yaml", "saga: Loop\nsteps:\n  a: { dependsOn: [a] }\n");
    Projects.write(project, "src/main/brokkr/quench.yaml", "saga: Quench\nsteps:\n  cool: { asynch: true }\n");
    assertEquals(new Outcome(0, 2), generate("com.acme.forge"));
    assertTrue(Files.isRegularFile(launcher("HammerLauncher")));
    assertFalse(Files.exists(launcher("LoopLauncher")));
    assertFalse(Files.exists(launcher("QuenchLauncher")));
    assertEquals(List.of(
        "[WARNING] src/main/brokkr/loop.yaml: saga \"Loop\" is invalid and has no launcher; brokkr:validate lists its"
            + " problems",
        "[WARNING] src/main/brokkr/quench.yaml: does not read cleanly, no launcher for its sagas; brokkr:validate"
            + " lists its problems",
        "[INFO] Brokkr: 1 launcher(s) in target/generated-sources/brokkr: 1 written, 0 unchanged"), log.lines);
  }

  @Test
  void sagasWhoseLaunchersWouldShareANameAreAnError() throws IOException {
    Projects.write(project, "src/main/brokkr/a.yaml", "saga: order-v2\nsteps: { pay: {} }\n");
    Projects.write(project, "src/main/brokkr/b.yaml",
        "saga: orderV2\nsteps: { pay: {} }\n---\nsaga: order.v2\nsteps: { pay: {} }\n");
    assertEquals(new Outcome(2, 0), generate("com.acme.forge"));
    // The first saga keeps its launcher; the others are not written over it.
    assertTrue(Files.readString(launcher("OrderV2Launcher")).contains("SagaTemplate.named(\"order-v2\")"));
    assertEquals(List.of(
        "[ERROR] src/main/brokkr/b.yaml:1:7: [Brokkr/LauncherNameClash] saga \"orderV2\" would get launcher"
            + " OrderV2Launcher, like saga \"order-v2\" in src/main/brokkr/a.yaml; rename one of them so that their"
            + " launchers differ",
        "[ERROR] src/main/brokkr/b.yaml:4:7: [Brokkr/LauncherNameClash] saga \"order.v2\" would get launcher"
            + " OrderV2Launcher, like saga \"order-v2\" in src/main/brokkr/a.yaml; rename one of them so that their"
            + " launchers differ",
        "[INFO] Brokkr: 1 launcher(s) in target/generated-sources/brokkr: 1 written, 0 unchanged"), log.lines);
  }

  @Test
  void aTypeThatIsNotJavaIsAProblemAtTheSaga() throws IOException {
    Projects.write(project, "src/main/brokkr/nail.yaml", "saga: Nail\ninputs: { size: \"List<\" }\nsteps: { forge: {} }\n");
    assertEquals(new Outcome(1, 0), generate("com.acme.forge"));
    assertEquals(2, log.lines.size());
    assertTrue(log.lines.get(0).startsWith("[ERROR] src/main/brokkr/nail.yaml:1:7: [Brokkr/YamlStructure] saga"
        + " \"Nail\" has no launcher: "), log.lines.get(0));
  }

  @Test
  void thePackageMustBeAJavaPackage() throws IOException {
    assertEquals(new Outcome(1, 0), generate("com.my-company"));
    assertEquals(List.of("[ERROR] Brokkr: packageName \"com.my-company\" is not a Java package name; set"
        + " <packageName> to e.g. com.acme.sagas"), log.lines);
  }

  @Test
  void aTypeNamingAMissingClassIsAnErrorAtTheTypeAndItsSagaGetsNoLauncher() throws IOException {
    Projects.write(project, "src/main/java/com/acme/forge/Receipt.java",
        "package com.acme.forge;\nrecord Receipt() {}\n");
    Projects.write(project, "src/main/brokkr/hammer.yaml", Projects.HAMMER);
    Projects.write(project, "src/main/brokkr/order.yaml", """
        saga: Order
        inputs: { placedAt: java.time.Instnt, lines: "java.util.List<Line>" }
        steps:
          charge: { output: com.acme.forge.Recipt }
          ship:   { dependsOn: [charge], output: Receipt }
        """);
    assertEquals(new Outcome(3, 0), generate("com.acme.forge"));
    assertEquals(List.of(
        "[ERROR] src/main/brokkr/order.yaml:2:21: [Brokkr/UnknownType] input \"placedAt\": type \"java.time.Instnt\" is"
            + " not a class on the compile classpath or in the project's sources; did you mean \"java.time.Instant\"?",
        "[ERROR] src/main/brokkr/order.yaml:2:46: [Brokkr/UnknownType] input \"lines\": type \"java.util.List<Line>\""
            + " names com.acme.forge.Line, which is not a class on the compile classpath or in the project's sources;"
            + " a simple name other than String, Integer and the like names a class of the launchers' package;"
            + " write the class's full name",
        "[ERROR] src/main/brokkr/order.yaml:4:21: [Brokkr/UnknownType] step \"charge\": output type"
            + " \"com.acme.forge.Recipt\" is not a class on the compile classpath or in the project's sources;"
            + " did you mean \"com.acme.forge.Receipt\"?",
        "[INFO] Brokkr: 1 launcher(s) in target/generated-sources/brokkr: 1 written, 0 unchanged"), log.lines);
    assertFalse(Files.exists(launcher("OrderLauncher")));
    assertTrue(Files.isRegularFile(launcher("HammerLauncher")));
  }

  @Test
  void typesAreNotCheckedWhenTheLookupIsOff() throws IOException {
    Projects.write(project, "src/main/brokkr/order.yaml",
        "saga: Order\nsteps: { charge: { output: com.acme.Recipt } }\n");
    assertEquals(Outcome.CLEAN, generate("com.acme.forge", GenerateConfig.TypeLookup.OFF));
    assertTrue(Files.readString(launcher("OrderLauncher")).contains("com.acme.Recipt"));
  }
}
