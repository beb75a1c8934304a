package io.brokkr.faults;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;

/**
 * Not a test of behaviour: {@code run.sh} runs it to learn the module's test class path from
 * Maven, then runs the suite without Maven. It runs only when {@code brokkr.faults.classpath}
 * names the file to write.
 */
class WriteClasspathTest {

  @Test
  @EnabledIfSystemProperty(named = "brokkr.faults.classpath", matches = ".+")
  void writesTheClassPath() throws Exception {
    Path file = Path.of(System.getProperty("brokkr.faults.classpath"));
    Files.writeString(file, System.getProperty("java.class.path"));
    assertTrue(Files.readString(file).contains("brokkr-runtime"), "the class path holds the runtime");
  }
}
