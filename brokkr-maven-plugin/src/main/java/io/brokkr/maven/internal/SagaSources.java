package io.brokkr.maven.internal;

import io.brokkr.dsl.Messages;
import io.brokkr.dsl.SagaTemplate;
import io.brokkr.dsl.yaml.SagaYaml;
import io.brokkr.dsl.yaml.YamlProblem;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/** Finds and reads the YAML saga files under a directory. */
public final class SagaSources {
  private SagaSources() {}

  /**
   * Every {@code .yaml} and {@code .yml} file under {@code directory}, at any depth, read and sorted
   * by path so that problems come out in the same order on every machine; none when the directory
   * does not exist.
   *
   * @param baseDir the project's directory, against which files are named in problems
   * @throws IOException when a file cannot be read
   */
  public static List<SagaSource> read(Path baseDir, Path directory) throws IOException {
    if (!Files.isDirectory(directory)) {
      return List.of();
    }
    List<Path> files;
    try (Stream<Path> walk = Files.walk(directory)) {
      files = walk.filter(Files::isRegularFile).filter(SagaSources::isYaml).sorted().toList();
    }
    List<SagaSource> sources = new ArrayList<>();
    for (Path file : files) {
      sources.add(readFile(baseDir, file));
    }
    return sources;
  }

  /**
   * One YAML file of sagas.
   *
   * @throws IOException when the file cannot be read
   */
  public static SagaSource readFile(Path baseDir, Path file) throws IOException {
    String display = display(baseDir, file);
    String text = Files.readString(file, StandardCharsets.UTF_8);
    return new SagaSource(file, display, text, SagaYaml.read(display, text));
  }

  /** Every problem of every source, then the duplicate sagas among them. */
  public static List<YamlProblem> problems(List<SagaSource> sources) {
    List<YamlProblem> problems = new ArrayList<>();
    for (SagaSource source : sources) {
      problems.addAll(source.sagas().problems());
    }
    problems.addAll(duplicates(sources));
    return problems;
  }

  /**
   * A {@code Brokkr/DuplicateSaga} problem for every saga named like one before it, at the later
   * saga's name; sources are taken in the given order.
   */
  public static List<YamlProblem> duplicates(List<SagaSource> sources) {
    Map<String, String> firstFile = new HashMap<>();
    List<YamlProblem> problems = new ArrayList<>();
    for (SagaSource source : sources) {
      for (SagaTemplate saga : source.sagas().sagas()) {
        String first = firstFile.putIfAbsent(saga.name(), source.display());
        if (first != null) {
          problems.add(source.locate(saga.name(), Messages.duplicateSaga(saga.name(), first)));
        }
      }
    }
    return problems;
  }

  /** The path relative to the project with '/' separators, so logs read the same on every OS. */
  static String display(Path baseDir, Path file) {
    Path absolute = file.toAbsolutePath().normalize();
    Path base = baseDir.toAbsolutePath().normalize();
    Path shown = absolute.startsWith(base) ? base.relativize(absolute) : absolute;
    return shown.toString().replace('\\', '/');
  }

  private static boolean isYaml(Path file) {
    String name = file.getFileName().toString();
    return name.endsWith(".yaml") || name.endsWith(".yml");
  }
}
