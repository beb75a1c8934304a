package io.brokkr.maven.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.palantir.javapoet.ClassName;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Where a class is found before the project compiles: JDK, class directories, jars, source roots. */
class ProjectClassesTest {
  @TempDir Path project;
  private ProjectClasses classes;

  @BeforeEach
  void aProjectWithSourcesClassesAndAJar() throws IOException {
    Projects.write(project, "src/main/java/com/acme/Receipt.java",
        "package com.acme;\npublic record Receipt(String id) {}\n");
    Projects.write(project, "src/main/java/com/acme/Orders.java", """
        package com.acme;
        public class Orders {
          public enum Status { OPEN, PAID }
        }
        record OrderId(String value) {}
        """);
    Projects.write(project, "target/classes/com/acme/Invoice.class", "not read");
    Projects.write(project, "target/classes/com/acme/Invoice$Line.class", "not read");
    Path jar = Files.createDirectories(project.resolve("lib")).resolve("parts.jar");
    try (OutputStream out = Files.newOutputStream(jar); ZipOutputStream zip = new ZipOutputStream(out)) {
      for (String entry : List.of("com/acme/parts/Bolt.class", "com/acme/parts/Nut.class",
          "com/acme/parts/Nut$Thread.class", "com/acme/parts/sub/Washer.class")) {
        zip.putNextEntry(new ZipEntry(entry));
        zip.closeEntry();
      }
    }
    classes = new ProjectClasses(List.of(project.resolve("target/classes"), jar, project.resolve("lib/missing.jar")),
        List.of(project.resolve("src/main/java"), project.resolve("target/generated-sources/none")));
  }

  @Test
  void findsClassesOfTheJdkTheClasspathAndTheSources() {
    for (String found : List.of("java.time.Instant", "java.sql.Timestamp", "java.util.Map.Entry",
        "com.acme.Receipt", "com.acme.Orders.Status", "com.acme.OrderId", "com.acme.Invoice", "com.acme.Invoice.Line",
        "com.acme.parts.Bolt", "com.acme.parts.Nut.Thread", "com.acme.parts.sub.Washer")) {
      assertTrue(classes.exists(ClassName.bestGuess(found)), found);
    }
  }

  @Test
  void missesMisspeltAndMisplacedClasses() {
    for (String missing : List.of("java.time.Instnt", "java.util.Map.Entri", "com.acme.Recipt",
        "com.acme.Orders.State", "com.acme.Receipt.Line", "com.acme.Invoice.Total", "com.acme.parts.Washer",
        "com.acme.Bolt", "com.acme.parts.Nut.Bolt")) {
      assertFalse(classes.exists(ClassName.bestGuess(missing)), missing);
    }
  }

  @Test
  void listsTheTopLevelClassesOfAPackageForSuggestions() {
    assertEquals(Set.of("Invoice", "Orders", "Receipt"), classes.topLevelClasses("com.acme"));
    assertEquals(Set.of("Bolt", "Nut"), classes.topLevelClasses("com.acme.parts"));
    assertTrue(classes.topLevelClasses("java.time").contains("Instant"));
    assertEquals(Set.of(), classes.topLevelClasses("com.nowhere"));
  }
}
