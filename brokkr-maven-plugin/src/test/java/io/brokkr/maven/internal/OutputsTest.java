package io.brokkr.maven.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class OutputsTest {
  @TempDir Path dir;

  @Test
  void writesNewAndChangedContentOnly() throws IOException {
    Path file = dir.resolve("a/b/c.txt");
    assertTrue(Outputs.writeIfChanged(file, "one"));
    FileTime old = FileTime.fromMillis(1_000_000L);
    Files.setLastModifiedTime(file, old);
    assertFalse(Outputs.writeIfChanged(file, "one"));
    assertEquals(old, Files.getLastModifiedTime(file));
    assertTrue(Outputs.writeIfChanged(file, "two"));
    assertEquals("two", Files.readString(file));
  }
}
