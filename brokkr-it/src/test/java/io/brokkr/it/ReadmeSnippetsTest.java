package io.brokkr.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Every java block of README.md compiles, with the processor, against the current modules. */
class ReadmeSnippetsTest {
  static final Path ROOT = Path.of(System.getProperty("brokkr.root", ".."));

  @Test
  void everyJavaBlockOfTheReadmeCompiles(@TempDir Path output) throws IOException {
    List<ReadmeBlocks.Block> blocks = ReadmeBlocks.java(Files.readString(ROOT.resolve("README.md")));
    assertTrue(blocks.size() >= 10, "the README's java blocks were not found: " + blocks.size());
    List<Snippet> snippets = blocks.stream().map(Snippet::of).toList();

    List<String> errors = SnippetCompiler.errors(snippets, output);

    assertEquals(List.of(), errors, "README snippets that do not compile:\n" + String.join("\n", errors));
    assertTrue(Files.isRegularFile(output.resolve("io/brokkr/it/readme/HammerSagaLauncher.class")),
        "the README's annotated saga got no launcher");
  }

  @Test
  void aBlockThatDriftedFromTheApiFailsNamingItsReadmeLine(@TempDir Path output) throws IOException {
    String readme = """
        # Title

        <!-- compiled: statements -->
        ```java
        Brokkr node = Brokkr.inMemory();
        node.start("Hammer", 42);
        ```
        """;
    List<Snippet> snippets = ReadmeBlocks.java(readme).stream().map(Snippet::of).toList();

    List<String> errors = SnippetCompiler.errors(snippets, output);

    assertEquals(1, errors.size(), String.join("\n", errors));
    assertTrue(errors.get(0).startsWith("README.md:6: "), errors.get(0));
  }

  @Test
  void aJavaBlockWithoutAMarkerIsRefusedNamingItsLine() {
    String readme = "text\n\n```java\nint x = 1;\n```\n";
    ReadmeBlocks.Block block = ReadmeBlocks.java(readme).get(0);

    IllegalArgumentException refused = assertThrows(IllegalArgumentException.class, () -> Snippet.of(block));

    assertEquals("README.md:4: a java block without a <!-- compiled: file|members|statements --> marker",
        refused.getMessage());
  }
}
