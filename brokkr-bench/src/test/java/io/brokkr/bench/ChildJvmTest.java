package io.brokkr.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

class ChildJvmTest {

  @Test
  void runsTheClassWithItsFlagsBeforeItAndItsArgumentsAfterOnThisProgramsClassPath() {
    List<String> command = ChildJvm.command(List.of("-Xms4g", "-Xmx4g"), BenchMain.class, List.of("--runs", "5"));

    assertTrue(Files.isExecutable(Path.of(command.get(0))), command.get(0));
    assertEquals(List.of("-Xms4g", "-Xmx4g", "-cp"), command.subList(1, 4));
    assertTrue(List.of(command.get(4).split(File.pathSeparator)).stream()
            .anyMatch(entry -> Files.exists(Path.of(entry, "io", "brokkr", "bench", "BenchMain.class"))),
        command.get(4));
    assertEquals(List.of(BenchMain.class.getName(), "--runs", "5"), command.subList(5, command.size()));
  }
}
