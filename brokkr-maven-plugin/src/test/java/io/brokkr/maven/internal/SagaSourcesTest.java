package io.brokkr.maven.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.brokkr.dsl.yaml.YamlProblem;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SagaSourcesTest {
  @TempDir Path project;

  @Test
  void findsYamlFilesAtAnyDepthSortedByPath() throws IOException {
    Projects.write(project, "src/main/brokkr/b.yml", "saga: B\nsteps: { s: {} }\n");
    Projects.write(project, "src/main/brokkr/a/z.yaml", "saga: Z\nsteps: { s: {} }\n");
    Projects.write(project, "src/main/brokkr/a.yaml", "saga: A\nsteps: { s: {} }\n");
    Projects.write(project, "src/main/brokkr/notes.txt", "not a saga");
    List<SagaSource> sources = SagaSources.read(project, project.resolve("src/main/brokkr"));
    assertEquals(List.of("src/main/brokkr/a.yaml", "src/main/brokkr/a/z.yaml", "src/main/brokkr/b.yml"),
        sources.stream().map(SagaSource::display).toList());
    assertEquals("Z", sources.get(1).sagas().sagas().get(0).name());
  }

  @Test
  void aMissingDirectoryHoldsNoSaga() throws IOException {
    assertEquals(List.of(), SagaSources.read(project, project.resolve("src/main/brokkr")));
  }

  @Test
  void filesOutsideTheProjectKeepTheirAbsolutePath(@TempDir Path elsewhere) {
    Path file = elsewhere.resolve("x.yaml");
    assertEquals(file.toAbsolutePath().toString(), SagaSources.display(project, file));
  }

  @Test
  void aSagaNamedLikeAnEarlierOneIsADuplicateAtItsName() throws IOException {
    Projects.write(project, "src/main/brokkr/a.yaml", Projects.HAMMER);
    Projects.write(project, "src/main/brokkr/b.yaml", "# again\nsaga: Hammer\nsteps: { s: {} }\n");
    List<YamlProblem> duplicates = SagaSources.duplicates(SagaSources.read(project, project.resolve("src/main/brokkr")));
    assertEquals(List.of("src/main/brokkr/b.yaml:2:7: [Brokkr/DuplicateSaga] saga \"Hammer\" is also described in"
        + " src/main/brokkr/a.yaml; give each saga its own name"), duplicates.stream().map(Object::toString).toList());
  }
}
