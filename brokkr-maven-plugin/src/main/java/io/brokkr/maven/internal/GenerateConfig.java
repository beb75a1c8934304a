package io.brokkr.maven.internal;

import java.nio.file.Path;
import java.util.List;
import java.util.Objects;

/**
 * What {@code brokkr:generate} generates, and where.
 *
 * @param baseDir the project's directory, against which files are named in problems
 * @param sourceDirectory where the YAML sagas are, at any depth
 * @param outputDirectory the source root the launchers go to
 * @param packageName the package of the launchers
 * @param types where the classes that the sagas' types name are looked for
 */
public record GenerateConfig(Path baseDir, Path sourceDirectory, Path outputDirectory, String packageName,
    TypeLookup types) {

  public GenerateConfig {
    Objects.requireNonNull(baseDir, "baseDir");
    Objects.requireNonNull(sourceDirectory, "sourceDirectory");
    Objects.requireNonNull(outputDirectory, "outputDirectory");
    Objects.requireNonNull(packageName, "packageName");
    Objects.requireNonNull(types, "types");
  }

  /**
   * Where the classes named by the sagas' input and output types are looked for, besides the JDK.
   *
   * @param check whether to look at all; off, a missing class is found by javac in the launcher
   * @param classpath the compile classpath: class directories and jars
   * @param sourceRoots the compile source roots, not compiled yet when the launchers are generated
   */
  public record TypeLookup(boolean check, List<Path> classpath, List<Path> sourceRoots) {
    /** No lookup: types are not checked. */
    public static final TypeLookup OFF = new TypeLookup(false, List.of(), List.of());

    public TypeLookup {
      classpath = List.copyOf(classpath);
      sourceRoots = List.copyOf(sourceRoots);
    }
  }
}
