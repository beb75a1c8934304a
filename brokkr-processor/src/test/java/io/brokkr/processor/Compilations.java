package io.brokkr.processor;

import static com.google.common.truth.Truth.assertWithMessage;

import com.google.testing.compile.Compilation;
import com.google.testing.compile.Compiler;
import com.google.testing.compile.JavaFileObjects;
import io.brokkr.dsl.Problem;
import java.util.List;
import java.util.Locale;
import javax.tools.Diagnostic;
import javax.tools.JavaFileObject;

/** Compiles test sources with the processor and checks its diagnostics exactly. */
final class Compilations {
  /** Every test source starts with these lines; the rest is the test's own text. */
  private static final String HEADER = """
      package test;

      import io.brokkr.dsl.*;
      import io.brokkr.runtime.StepContext;
      import java.util.List;
      """;

  private Compilations() {}

  /** The source of {@code test.<className>}, with the usual imports. */
  static JavaFileObject source(String className, String body) {
    return JavaFileObjects.forSourceString("test." + className, HEADER + body);
  }

  static Compilation compile(JavaFileObject... sources) {
    return Compiler.javac().withProcessors(new SagaProcessor()).compile(sources);
  }

  /**
   * Asserts that compiling {@code source} gives {@code problem} as its only diagnostic of that
   * severity, reported where {@code at} is written: on that line and at that column, so that the
   * narrowest element is checked, not only the line.
   *
   * @return the compilation, for further checks
   */
  static Compilation assertReports(JavaFileObject source, Problem problem, Diagnostic.Kind kind, String at) {
    Compilation compilation = compile(source);
    List<Diagnostic<? extends JavaFileObject>> found = compilation.diagnostics().stream()
        .filter(d -> d.getKind() == kind).toList();
    assertWithMessage("diagnostics of kind %s: %s", kind, compilation.diagnostics()).that(found).hasSize(1);
    Diagnostic<? extends JavaFileObject> diagnostic = found.get(0);
    assertWithMessage("message").that(diagnostic.getMessage(Locale.ROOT)).isEqualTo(problem.toString());
    String text = content(source);
    int offset = text.indexOf(at);
    assertWithMessage("marker %s in the source", at).that(offset).isAtLeast(0);
    assertWithMessage("line of %s", at).that(diagnostic.getLineNumber()).isEqualTo(lineOf(text, offset));
    assertWithMessage("column of %s", at).that(diagnostic.getColumnNumber()).isEqualTo(columnOf(text, offset));
    return compilation;
  }

  static void assertError(JavaFileObject source, Problem problem, String at) {
    assertReports(source, problem, Diagnostic.Kind.ERROR, at);
  }

  static String content(JavaFileObject file) {
    try {
      return file.getCharContent(true).toString();
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }

  private static long lineOf(String text, int offset) {
    return text.substring(0, offset).chars().filter(c -> c == '\n').count() + 1;
  }

  private static long columnOf(String text, int offset) {
    return offset - text.lastIndexOf('\n', offset - 1);
  }
}
