package io.brokkr.it;

import java.net.URI;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.tools.SimpleJavaFileObject;

/**
 * A README java block as a source file for javac: a {@code file} block is a compilation unit
 * without its package and imports; a {@code members} block is the body of a class; a
 * {@code statements} block is the body of a method. The wrapping class extends
 * {@code ReadmeContext}, which declares the variables the snippets take as given.
 */
final class Snippet extends SimpleJavaFileObject {
  static final String PACKAGE = "io.brokkr.it.readme";
  private static final String IMPORTS = """
      import io.brokkr.dashboard.*;
      import java.nio.file.Path;
      import java.time.*;
      import java.util.*;
      import org.redisson.Redisson;
      import org.redisson.api.RedissonClient;
      import org.redisson.config.Config;
      import io.brokkr.micrometer.BrokkrMetrics;
      import io.brokkr.opentelemetry.BrokkrTracing;
      import io.micrometer.core.instrument.MeterRegistry;
      import io.opentelemetry.api.OpenTelemetry;
      import io.brokkr.test.*;
      import org.junit.jupiter.api.Test;
      import org.junit.jupiter.api.extension.ExtendWith;
      import org.springframework.stereotype.Component;
      """;
  private static final String HEADER = """
      package io.brokkr.it.readme;
      import io.brokkr.dsl.*;
      import io.brokkr.kafka.*;
      import io.brokkr.runtime.*;
      import io.brokkr.runtime.Saga;
      """ + IMPORTS;
  /** A saga class declares {@code @Saga}: there, the annotation has the name. */
  private static final String FILE_HEADER = """
      package io.brokkr.it.readme;
      import io.brokkr.dsl.*;
      import io.brokkr.dsl.Saga;
      import io.brokkr.kafka.*;
      import io.brokkr.runtime.*;
      """ + IMPORTS;
  private static final Pattern PUBLIC_TYPE =
      Pattern.compile("public\\s+(?:final\\s+|abstract\\s+)*(?:class|interface|record|enum)\\s+(\\w+)");

  private final String source;
  private final int readmeLine;
  private final int headerLines;

  private Snippet(String className, String source, int readmeLine, int headerLines) {
    super(URI.create("string:///" + PACKAGE.replace('.', '/') + "/" + className + ".java"), Kind.SOURCE);
    this.source = source;
    this.readmeLine = readmeLine;
    this.headerLines = headerLines;
  }

  static Snippet of(ReadmeBlocks.Block block) {
    String kind = block.marker().orElseThrow(() -> new IllegalArgumentException(
        "README.md:" + block.line() + ": a java block without a <!-- compiled: file|members|statements --> marker"));
    String name = "Block" + block.line();
    return switch (kind) {
      case "file" -> {
        Matcher type = PUBLIC_TYPE.matcher(block.code());
        yield wrap(type.find() ? type.group(1) : name, FILE_HEADER, block, "");
      }
      case "members" -> wrap(name, HEADER + "class " + name + " extends ReadmeContext {\n", block, "}\n");
      case "statements" -> wrap(name,
          HEADER + "class " + name + " extends ReadmeContext {\nvoid run() throws Exception {\n", block, "}\n}\n");
      default -> throw new IllegalArgumentException(
          "README.md:" + block.line() + ": unknown snippet kind \"" + kind + "\" (file, members or statements)");
    };
  }

  private static Snippet wrap(String className, String header, ReadmeBlocks.Block block, String footer) {
    int headerLines = (int) header.chars().filter(c -> c == '\n').count();
    return new Snippet(className, header + block.code() + footer, block.line(), headerLines);
  }

  /** The README line of a line of this source, or of the block's first line for the wrapper. */
  int readmeLine(long sourceLine) {
    return readmeLine + (int) Math.max(0, sourceLine - 1 - headerLines);
  }

  @Override
  public CharSequence getCharContent(boolean ignoreEncodingErrors) {
    return source;
  }

  @Override
  public String toString() {
    return String.format(Locale.ROOT, "README.md:%d", readmeLine);
  }
}
