package io.brokkr.cli;

import io.brokkr.dsl.yaml.SagaYaml;
import io.brokkr.dsl.yaml.YamlSagas;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/** YAML saga files named on the command line; a directory stands for its .yaml and .yml files, at any depth. */
final class YamlFiles {
  /**
   * One file, read.
   *
   * @param display the file as problems name it: as the user wrote it
   * @param sagas its sagas and problems
   */
  record Read(String display, YamlSagas sagas) {}

  private YamlFiles() {}

  /** The files, directories expanded in path order. */
  static List<Path> expand(List<Path> paths) throws CliException {
    List<Path> files = new ArrayList<>();
    for (Path path : paths) {
      if (Files.isDirectory(path)) {
        try (Stream<Path> walk = Files.walk(path)) {
          walk.filter(Files::isRegularFile).filter(YamlFiles::isYaml).sorted().forEach(files::add);
        } catch (IOException e) {
          throw new CliException("cannot read directory " + path + ": " + e.getMessage(), e);
        }
      } else {
        files.add(path);
      }
    }
    return files;
  }

  static Read read(Path file) throws CliException {
    String display = file.toString().replace('\\', '/');
    try {
      return new Read(display, SagaYaml.read(display, Files.readString(file, StandardCharsets.UTF_8)));
    } catch (NoSuchFileException e) {
      throw new CliException("no such file: " + display, e);
    } catch (IOException e) {
      throw new CliException("cannot read " + display + ": " + e.getMessage(), e);
    }
  }

  private static boolean isYaml(Path file) {
    String name = file.getFileName().toString();
    return name.endsWith(".yaml") || name.endsWith(".yml");
  }
}
