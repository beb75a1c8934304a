package io.brokkr.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * The IT projects {@code readme-pom-builds-and-runs-a-saga} and
 * {@code readme-spring-boot-app-runs-a-saga-on-both-stores} are what the README tells a new user to
 * write: their poms are the README's poms (with the build's versions filtered in), their classes the
 * README's.
 */
class ReadmeProjectTest {
  private static final Path ITS = ReadmeSnippetsTest.ROOT.resolve("brokkr-it/src/it");
  private static final Path PROJECT = ITS.resolve("readme-pom-builds-and-runs-a-saga");
  private static final Path BOOT_PROJECT = ITS.resolve("readme-spring-boot-app-runs-a-saga-on-both-stores");
  /** The IT poms' placeholders and the values the README writes in their place. */
  private static final Map<String, String> VERSIONS = Map.of(
      "@project.version@", "brokkr.version",
      "@junit.version@", "junit.version",
      "@compiler-plugin.version@", "compiler-plugin.version",
      "@surefire.version@", "surefire.version",
      "@spring-boot.version@", "spring-boot.version");
  private static final Pattern PUBLIC_CLASS = Pattern.compile("(?m)^public class (\\w+)");
  private static final String SPRING_BOOT_PARENT = "<artifactId>spring-boot-starter-parent</artifactId>";

  @Test
  void theItPomIsTheReadmesPom() throws IOException {
    String readmePom = readmeBlocks().stream()
        .filter(block -> isPom(block) && !block.code().contains(SPRING_BOOT_PARENT))
        .findFirst().orElseThrow().code();

    assertEquals(readmePom, itPom(PROJECT));
  }

  @Test
  void theItSagaIsTheReadmesSaga() throws IOException {
    String saga = Files.readString(PROJECT.resolve("src/main/java/com/acme/forge/HammerSaga.java"));
    String readmeSaga = readmeBlocks().stream()
        .filter(block -> block.marker().orElse("").equals("file")).findFirst().orElseThrow().code();

    assertTrue(saga.endsWith("\n" + readmeSaga), "HammerSaga.java of the IT does not end with the README's saga");
  }

  @Test
  void theSpringBootItPomIsTheReadmesSpringBootPom() throws IOException {
    List<ReadmeBlocks.Block> poms = springBootSection().stream().filter(ReadmeProjectTest::isPom).toList();

    assertEquals(1, poms.size(), "the Spring Boot section's poms");
    assertTrue(poms.get(0).code().contains(SPRING_BOOT_PARENT), poms.get(0).code());
    assertEquals(poms.get(0).code(), itPom(BOOT_PROJECT));
  }

  @Test
  void theSpringBootItClassesAreTheReadmesSpringBootClasses() throws IOException {
    List<ReadmeBlocks.Block> classes = springBootSection().stream()
        .filter(block -> block.marker().orElse("").equals("file")).toList();
    Path sources = BOOT_PROJECT.resolve("src/main/java/com/acme/shop");

    try (var files = Files.list(sources)) {
      assertEquals(classes.size(), files.count(), "the IT has a class the README does not show, or misses one");
    }
    assertEquals(2, classes.size(), "the saga and the application");
    for (ReadmeBlocks.Block block : classes) {
      Matcher name = PUBLIC_CLASS.matcher(block.code());
      assertTrue(name.find(), "README.md:" + block.line() + ": no public class");
      Path file = sources.resolve(name.group(1) + ".java");
      assertEquals("package com.acme.shop;\n\n" + block.code(), Files.readString(file),
          file + " is not the README's block at line " + block.line());
    }
  }

  private static boolean isPom(ReadmeBlocks.Block block) {
    return block.language().equals("xml") && block.code().startsWith("<?xml");
  }

  private static String itPom(Path project) throws IOException {
    String pom = Files.readString(project.resolve("pom.xml"));
    for (Map.Entry<String, String> version : VERSIONS.entrySet()) {
      pom = pom.replace(version.getKey(), System.getProperty(version.getValue()));
    }
    return pom;
  }

  /** The blocks between the README's "## Spring Boot" heading and the next heading of that level. */
  private static List<ReadmeBlocks.Block> springBootSection() throws IOException {
    String[] lines = readme().split("\n", -1);
    int start = -1;
    int end = lines.length;
    for (int i = 0; i < lines.length; i++) {
      if (lines[i].equals("## Spring Boot")) {
        start = i + 1;
      } else if (start >= 0 && lines[i].startsWith("## ")) {
        end = i + 1;
        break;
      }
    }
    assertTrue(start >= 0, "the README has no \"## Spring Boot\" section");
    int first = start;
    int last = end;
    return readmeBlocks().stream().filter(block -> block.line() > first && block.line() < last).toList();
  }

  private static List<ReadmeBlocks.Block> readmeBlocks() throws IOException {
    return ReadmeBlocks.of(readme());
  }

  private static String readme() throws IOException {
    return Files.readString(ReadmeSnippetsTest.ROOT.resolve("README.md"));
  }
}
