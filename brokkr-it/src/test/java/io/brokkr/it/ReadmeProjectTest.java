package io.brokkr.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The IT project {@code readme-pom-builds-and-runs-a-saga} is what the README tells a new user to
 * write: its pom is the README's pom (with the build's versions filtered in), its saga is the README's.
 */
class ReadmeProjectTest {
  private static final Path PROJECT = ReadmeSnippetsTest.ROOT.resolve("brokkr-it/src/it/readme-pom-builds-and-runs-a-saga");
  /** The IT pom's placeholders and the values the README writes in their place. */
  private static final Map<String, String> VERSIONS = Map.of(
      "@project.version@", "brokkr.version",
      "@junit.version@", "junit.version",
      "@compiler-plugin.version@", "compiler-plugin.version",
      "@surefire.version@", "surefire.version");

  @Test
  void theItPomIsTheReadmesPom() throws IOException {
    String itPom = Files.readString(PROJECT.resolve("pom.xml"));
    for (Map.Entry<String, String> version : VERSIONS.entrySet()) {
      itPom = itPom.replace(version.getKey(), System.getProperty(version.getValue()));
    }

    assertEquals(readmePom(), itPom);
  }

  @Test
  void theItSagaIsTheReadmesSaga() throws IOException {
    String saga = Files.readString(PROJECT.resolve("src/main/java/com/acme/forge/HammerSaga.java"));
    String readmeSaga = readmeBlocks().stream()
        .filter(block -> block.marker().orElse("").equals("file")).findFirst().orElseThrow().code();

    assertTrue(saga.endsWith("\n" + readmeSaga), "HammerSaga.java of the IT does not end with the README's saga");
  }

  private static String readmePom() throws IOException {
    return readmeBlocks().stream()
        .filter(block -> block.language().equals("xml") && block.code().startsWith("<?xml"))
        .findFirst().orElseThrow().code();
  }

  private static List<ReadmeBlocks.Block> readmeBlocks() throws IOException {
    return ReadmeBlocks.of(Files.readString(ReadmeSnippetsTest.ROOT.resolve("README.md")));
  }
}
