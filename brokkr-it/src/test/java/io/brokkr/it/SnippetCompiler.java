package io.brokkr.it;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import javax.tools.Diagnostic;
import javax.tools.DiagnosticCollector;
import javax.tools.JavaCompiler;
import javax.tools.JavaFileObject;
import javax.tools.StandardJavaFileManager;
import javax.tools.ToolProvider;

/**
 * Compiles README snippets together, with Brokkr's annotation processor, against the class path
 * of this test run, and names each error by its README line.
 */
final class SnippetCompiler {
  private SnippetCompiler() {}

  /** The errors of compiling {@code snippets} into {@code output}, as {@code README.md:line: message}. */
  static List<String> errors(List<Snippet> snippets, Path output) throws IOException {
    JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
    DiagnosticCollector<JavaFileObject> diagnostics = new DiagnosticCollector<>();
    try (StandardJavaFileManager files = javac.getStandardFileManager(diagnostics, Locale.ROOT, null)) {
      List<String> options = List.of(
          "--release", "17",
          "-implicit:class",
          "-processor", "io.brokkr.processor.SagaProcessor",
          "--class-path", classPath(),
          "-d", output.toString(),
          "-s", output.toString());
      javac.getTask(null, files, diagnostics, options, null, snippets).call();
    }
    List<String> errors = new ArrayList<>();
    for (Diagnostic<? extends JavaFileObject> diagnostic : diagnostics.getDiagnostics()) {
      if (diagnostic.getKind() == Diagnostic.Kind.ERROR) {
        errors.add(where(diagnostic) + ": " + diagnostic.getMessage(Locale.ROOT));
      }
    }
    return errors;
  }

  private static String where(Diagnostic<? extends JavaFileObject> diagnostic) {
    if (diagnostic.getSource() instanceof Snippet snippet) {
      return "README.md:" + snippet.readmeLine(diagnostic.getLineNumber());
    }
    return diagnostic.getSource() == null ? "javac"
        : diagnostic.getSource().getName() + ":" + diagnostic.getLineNumber();
  }

  /** Surefire's launcher jar hides the test class path behind its manifest; it names it here. */
  private static String classPath() {
    return System.getProperty("surefire.test.class.path", System.getProperty("java.class.path"));
  }
}
