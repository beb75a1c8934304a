package io.brokkr.bench;

import java.io.File;
import java.net.URLClassLoader;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;

/** The command line of a child JVM that runs one of this program's classes on its class path. */
final class ChildJvm {
  private ChildJvm() {}

  /** {@code java <flags> -cp <this program's class path> <main> <args>}, with this JVM's {@code java}. */
  static List<String> command(List<String> flags, Class<?> main, List<String> args) {
    List<String> command = new ArrayList<>();
    command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    command.addAll(flags);
    command.add("-cp");
    command.add(classPath(main));
    command.add(main.getName());
    command.addAll(args);
    return command;
  }

  /** The class path of this program: exec:java's class loader's (not Maven's above it), or the JVM's own. */
  private static String classPath(Class<?> main) {
    if (main.getClassLoader() instanceof URLClassLoader urls && urls.getURLs().length > 0) {
      return Arrays.stream(urls.getURLs()).map(u -> new File(u.getPath()).getPath())
          .collect(Collectors.joining(File.pathSeparator));
    }
    return System.getProperty("java.class.path");
  }
}
