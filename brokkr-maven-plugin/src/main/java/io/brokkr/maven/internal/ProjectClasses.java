package io.brokkr.maven.internal;

import com.palantir.javapoet.ClassName;
import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystem;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;

/**
 * The classes a project's code can refer to before it is compiled, which is when {@code
 * brokkr:generate} runs: the JDK's, those of the compile classpath (directories and jars), and those
 * declared in the source roots, found as their file ({@code com/acme/Receipt.java}) or, for a class
 * declared in another file of its package, as a declaration in one of the package's files. Classes
 * are looked up as files, never loaded, so none of their code runs.
 */
final class ProjectClasses {
  private static final ClassLoader JDK = ClassLoader.getPlatformClassLoader();

  private final List<Path> classpath;
  private final List<Path> sourceRoots;
  private final Map<Path, Set<String>> jarEntries = new HashMap<>();

  /**
   * @param classpath the compile classpath: class directories and jars, in order
   * @param sourceRoots the compile source roots, whose classes are not compiled yet
   */
  ProjectClasses(List<Path> classpath, List<Path> sourceRoots) {
    this.classpath = List.copyOf(classpath);
    this.sourceRoots = List.copyOf(sourceRoots);
  }

  /** Whether the class exists, nested classes included ({@code com.acme.Outer.Inner}). */
  boolean exists(ClassName name) {
    String classFile = directory(name.packageName()) + String.join("$", name.simpleNames()) + ".class";
    if (JDK.getResource(classFile) != null) {
      return true;
    }
    for (Path element : classpath) {
      if (Files.isDirectory(element) ? Files.isRegularFile(element.resolve(classFile))
          : entries(element).contains(classFile)) {
        return true;
      }
    }
    return sourceRoots.stream().anyMatch(root -> declaredIn(root, name));
  }

  /**
   * The simple names of the top-level classes of a package, from every place {@link #exists} looks,
   * sorted: the candidates for a did-you-mean.
   */
  Set<String> topLevelClasses(String packageName) {
    String directory = directory(packageName);
    Set<String> names = new TreeSet<>();
    jdkClasses(packageName).forEach(file -> addClass(file, ".class", names));
    for (Path element : classpath) {
      if (Files.isDirectory(element)) {
        list(element.resolve(directory)).forEach(file -> addClass(file.getFileName().toString(), ".class", names));
      } else {
        entries(element).stream().filter(e -> e.startsWith(directory) && e.indexOf('/', directory.length()) < 0)
            .forEach(e -> addClass(e.substring(directory.length()), ".class", names));
      }
    }
    for (Path root : sourceRoots) {
      list(root.resolve(directory)).forEach(file -> addClass(file.getFileName().toString(), ".java", names));
    }
    return names;
  }

  /** {@code com/acme/} for {@code com.acme}; nothing for the unnamed package. */
  private static String directory(String packageName) {
    return packageName.isEmpty() ? "" : packageName.replace('.', '/') + "/";
  }

  private static void addClass(String file, String suffix, Set<String> names) {
    if (file.endsWith(suffix) && !file.contains("$")) {
      String name = file.substring(0, file.length() - suffix.length());
      if (!name.equals("package-info") && !name.equals("module-info")) {
        names.add(name);
      }
    }
  }

  /**
   * Whether a source root declares the class: its top-level class in a file of its name, else in
   * any file of its package; each class it is nested in declared in that same file. A declaration is
   * recognised by its keyword and name, without parsing, so one inside a comment also counts; javac
   * then reports what this missed.
   */
  private static boolean declaredIn(Path root, ClassName name) {
    Path packageDirectory = root.resolve(directory(name.packageName()));
    Path own = packageDirectory.resolve(name.topLevelClassName().simpleName() + ".java");
    List<Path> files = Files.isRegularFile(own) ? List.of(own)
        : list(packageDirectory).filter(file -> file.getFileName().toString().endsWith(".java")).toList();
    return files.stream().anyMatch(file -> declares(read(file), name.simpleNames()));
  }

  private static boolean declares(String source, List<String> simpleNames) {
    return simpleNames.stream().allMatch(simple ->
        Pattern.compile("\\b(class|interface|enum|record)\\s+" + Pattern.quote(simple) + "\\b").matcher(source).find());
  }

  private Set<String> entries(Path jar) {
    return jarEntries.computeIfAbsent(jar, ProjectClasses::readEntries);
  }

  /** The entry names of a jar; none when it is missing or unreadable (javac reports that). */
  private static Set<String> readEntries(Path jar) {
    if (!Files.isRegularFile(jar)) {
      return Set.of();
    }
    try (ZipFile zip = new ZipFile(jar.toFile())) {
      return Set.copyOf(zip.stream().map(ZipEntry::getName).toList());
    } catch (IOException e) {
      return Set.of();
    }
  }

  /** The class files of a JDK package, through the {@code jrt:} file system (whose packages name their modules). */
  private static List<String> jdkClasses(String packageName) {
    if (packageName.isEmpty()) {
      return List.of();
    }
    FileSystem jrt = FileSystems.getFileSystem(URI.create("jrt:/"));
    List<String> files = new ArrayList<>();
    list(jrt.getPath("/packages", packageName)).forEach(module -> list(
        jrt.getPath("/modules", module.getFileName().toString(), directory(packageName)))
        .forEach(file -> files.add(file.getFileName().toString())));
    return files;
  }

  /** The files directly in a directory; none when it does not exist or cannot be read (javac reports that). */
  private static Stream<Path> list(Path directory) {
    if (!Files.isDirectory(directory)) {
      return Stream.empty();
    }
    try (Stream<Path> files = Files.list(directory)) {
      return files.sorted().toList().stream();
    } catch (IOException e) {
      return Stream.empty();
    }
  }

  /** A source file's text, malformed bytes replaced; empty when it cannot be read (javac reports that). */
  private static String read(Path file) {
    try {
      return new String(Files.readAllBytes(file), StandardCharsets.UTF_8);
    } catch (IOException e) {
      return "";
    }
  }
}
